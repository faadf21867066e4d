package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pass partitioned by input file gives the outputs of the single-step pass, byte for byte (a duplicate id
 * across files included), with its partitions on several threads; a partition that crashes is resumed alone.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:partitioned;DB_CLOSE_DELAY=-1",
		"wire-reclassifier.sync=false", "wire-reclassifier.chunk-size=7", "wire-reclassifier.partition-threads=3" })
@Import(CrashInjector.class)
class PartitionedFunctionalTests {

	@Autowired
	private JobOperator jobOperator;

	@Autowired
	@Qualifier(ReclassificationJobConfiguration.JOB_NAME)
	private Job singleStep;

	@Autowired
	@Qualifier(PartitionedReclassificationJobConfiguration.JOB_NAME)
	private Job partitioned;

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
	void disarm() {
		this.crashes.disarm();
	}

	private JobExecution run(Job job, Path output) throws Exception {
		RunPlan plan = RunPlan.prepare(TestArchives.launchArchiveJob(), this.inputs, output);
		return this.jobOperator.start(job, plan.toJobParameters());
	}

	private static List<StepExecution> partitions(JobExecution execution) {
		return execution.getStepExecutions().stream()
			.filter(step -> step.getStepName().startsWith(PartitionedReclassificationJobConfiguration.WORKER_STEP + ":"))
			.toList();
	}

	@Test
	@DisplayName("one partition a file, on several threads: the outputs of the single step, byte for byte")
	void sameOutputsAsTheSingleStep() throws Exception {
		assertThat(run(this.singleStep, dir.resolve("single")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.crashes.recordThreads();
		JobExecution execution = run(this.partitioned, dir.resolve("partitioned"));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(partitions(execution)).extracting(StepExecution::getStepName)
			.containsExactlyInAnyOrder("classifyFile:file-0000", "classifyFile:file-0001", "classifyFile:file-0002",
					"classifyFile:file-0003");
		assertThat(this.crashes.processingThreads()).hasSizeGreaterThan(1).allMatch(name -> name.startsWith("partition-"));
		RunOutputs.assertSame(dir.resolve("partitioned"), dir.resolve("single"));
		// the duplicate in the last file was found against the first file's ids, as the single step finds it
		assertThat(TestArchives.rejects(dir.resolve("partitioned"))).anySatisfy(reject -> {
			assertThat(reject.get("file").asString()).isEqualTo("z-bad.csv");
			assertThat(reject.get("reason").asString()).isEqualTo(
					"duplicate wire_id \"2025-12-09-openai-certification-courses\", first seen in a-examples.json record 1");
		});
		assertThat(dir.resolve("partitioned/.state/runs")).isEmptyDirectory();
	}

	@Test
	@DisplayName("a partition that crashes: the resume runs it alone and ends with the single step's outputs")
	void crashInOnePartitionThenResume() throws Exception {
		run(this.singleStep, dir.resolve("single"));

		this.crashes.arm(CrashInjector.Point.BETWEEN_FLUSH_AND_COMMIT, 4);
		JobExecution failed = run(this.partitioned, dir.resolve("out"));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(partitions(failed)).filteredOn(step -> step.getStatus() == BatchStatus.FAILED).hasSize(1);
		assertThat(dir.resolve("out/summary.json")).doesNotExist();

		JobExecution resumed = run(this.partitioned, dir.resolve("out"));
		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(partitions(resumed)).hasSize(1); // only the one that failed
		RunOutputs.assertSame(dir.resolve("out"), dir.resolve("single"));
	}

}
