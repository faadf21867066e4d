package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classifying on several threads changes nothing but the time: the outputs are those of a run on one thread, byte
 * for byte, and a concurrent run that crashes resumes to the same outputs.
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:concurrent;DB_CLOSE_DELAY=-1",
		"wire-reclassifier.sync=false", "wire-reclassifier.chunk-size=7", "wire-reclassifier.threads=4" })
@Import(CrashInjector.class)
class ConcurrentClassificationFunctionalTests {

	@Autowired
	private JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	private ThreadPoolTaskExecutor classifyingThreads;

	@Autowired
	private CrashInjector crashes;

	@TempDir
	private Path dir;

	private List<Path> inputs;

	@BeforeEach
	void messyArchive() {
		this.inputs = MessyArchive.in(this.dir);
	}

	@AfterEach
	void fourThreadsAgain() {
		this.crashes.disarm();
		threads(4);
	}

	private void threads(int threads) {
		this.classifyingThreads.setMaxPoolSize(Math.max(threads, this.classifyingThreads.getCorePoolSize()));
		this.classifyingThreads.setCorePoolSize(threads);
		this.classifyingThreads.setMaxPoolSize(threads);
	}

	/** A run's status, and how many items its classification step wrote. */
	private record Run(BatchStatus status, long written) {
	}

	private Run run(Path output) throws Exception {
		RunPlan plan = RunPlan.prepare(TestArchives.launchArchiveJob(), this.inputs, output);
		JobExecution execution = this.jobOperatorTestUtils.startJob(plan.toJobParameters());
		return new Run(execution.getStatus(), execution.getStepExecutions().stream()
			.filter(step -> step.getStepName().equals(ReclassificationJobConfiguration.CLASSIFY_STEP))
			.mapToLong(StepExecution::getWriteCount)
			.sum());
	}

	@Test
	@DisplayName("four threads give the outputs of one thread, byte for byte")
	void sameOutputsAsOneThread() throws Exception {
		threads(1);
		Run sequential = run(dir.resolve("one-thread"));
		threads(4);
		this.crashes.recordThreads();
		Run concurrent = run(dir.resolve("four-threads"));

		assertThat(sequential.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(concurrent.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.crashes.processingThreads()).hasSizeGreaterThan(1).allMatch(name -> name.startsWith("classify-"));
		assertThat(concurrent.written()).isEqualTo(sequential.written()).isGreaterThan(90);
		RunOutputs.assertSame(dir.resolve("four-threads"), dir.resolve("one-thread"));
	}

	@Test
	@DisplayName("a concurrent run that crashes while classifying resumes to the outputs of a run on one thread")
	void crashWhileClassifyingConcurrentlyThenResume() throws Exception {
		threads(1);
		assertThat(run(dir.resolve("reference")).status()).isEqualTo(BatchStatus.COMPLETED);
		threads(4);

		this.crashes.arm(CrashInjector.Point.PROCESS, 50);
		assertThat(run(dir.resolve("out")).status()).isEqualTo(BatchStatus.FAILED);
		assertThat(dir.resolve("out/summary.json")).doesNotExist();
		assertThat(run(dir.resolve("out")).status()).isEqualTo(BatchStatus.COMPLETED);

		RunOutputs.assertSame(dir.resolve("out"), dir.resolve("reference"));
	}

}
