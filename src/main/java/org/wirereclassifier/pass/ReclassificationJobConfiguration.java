package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.ArchiveReader;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.report.ReportRecorder;
import org.wirereclassifier.rules.ClassificationProcessor;

/**
 * The reclassification job: {@code classifyWires} reads the archive, classifies each wire and writes the amended
 * files and rejects to the run's working directory, chunk by chunk; {@code publishOutputs} then moves them into
 * the output directory with the run's {@code summary.json}.
 */
@Configuration(proxyBeanMethods = false)
public class ReclassificationJobConfiguration {

	public static final String JOB_NAME = "reclassifyArchive";

	public static final String CLASSIFY_STEP = "classifyWires";

	public static final String PUBLISH_STEP = "publishOutputs";

	/**
	 * The application's job; the partitioned job is a variant of it ({@code run --partitioned}). Primary, so that
	 * what asks for "the" job by type (Spring Batch's test utilities) gets this one; the command line asks by name.
	 */
	@Bean
	@Primary
	public Job reclassifyArchive(JobRepository jobRepository, Step classifyWires, Step publishOutputs) {
		return new JobBuilder(JOB_NAME, jobRepository).start(classifyWires).next(publishOutputs).build();
	}

	/**
	 * Job-scoped so that a revert, whose processor follows the reverted run's audit in order, runs on one thread;
	 * any other run classifies on {@code wire-reclassifier.threads} threads while this one reads and writes. The
	 * writer gets the items of each chunk in their order, so the outputs are the same bytes either way.
	 */
	@Bean
	@JobScope
	public Step classifyWires(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ArchiveReader archiveReader, PreparedWireProcessor preparedWireProcessor,
			AmendedArchiveWriter amendedArchiveWriter, ObjectProvider<ClassificationStepObserver> observers,
			@Value("${wire-reclassifier.chunk-size:500}") int chunkSize, ThreadPoolTaskExecutor classifyingThreads,
			@Value("#{jobExecution.jobParameters}") JobParameters parameters) {
		ChunkOrientedStepBuilder<ArchiveItem, ArchiveItem> step = classificationStep(CLASSIFY_STEP, jobRepository,
				transactionManager, chunkSize, archiveReader, preparedWireProcessor, amendedArchiveWriter, observers);
		if (classifyingThreads.getMaxPoolSize() > 1 && !RunPlan.isRevert(parameters)) {
			step.taskExecutor(classifyingThreads);
		}
		return step.build();
	}

	/** A classification step (this job's, or a partition's), with the observers registered on it. */
	static ChunkOrientedStepBuilder<ArchiveItem, ArchiveItem> classificationStep(String name,
			JobRepository jobRepository, PlatformTransactionManager transactionManager, int chunkSize,
			ArchiveReader reader, PreparedWireProcessor processor, AmendedArchiveWriter writer,
			ObjectProvider<ClassificationStepObserver> observers) {
		ChunkOrientedStepBuilder<ArchiveItem, ArchiveItem> step = new StepBuilder(name, jobRepository)
			.<ArchiveItem, ArchiveItem>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer);
		observers.orderedStream().forEach(observer -> {
			step.listener(observer);
			if (observer instanceof ItemStream stream) {
				step.stream(stream); // updated after the writer: between its flush and the commit
			}
		});
		return step;
	}

	@Bean
	public Step publishOutputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PublishOutputsTasklet publishOutputsTasklet) {
		return new StepBuilder(PUBLISH_STEP, jobRepository).tasklet(publishOutputsTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	public ArchiveReader archiveReader(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("${wire-reclassifier.sync:true}") boolean sync) {
		Path work = RunPlan.workDirectory(parameters);
		// an amendment may lock codes: a CSV file then gets a code_locks column
		return new ArchiveReader(RunPlan.files(parameters),
				RunPlan.isAmendment(parameters) ? WireField.EDITOR_WRITABLE : WireField.PASS_WRITABLE,
				work.resolve(ArchiveReader.JOURNAL), sync);
	}

	/** The threads that classify: {@code wire-reclassifier.threads}, by default one a core. */
	@Bean
	public ThreadPoolTaskExecutor classifyingThreads(@Value("${wire-reclassifier.threads:0}") int threads) {
		return threadPool("classify-", threads);
	}

	/** A pool of {@code threads} daemon threads (0: one a core). */
	static ThreadPoolTaskExecutor threadPool(String namePrefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		executor.setCorePoolSize(size);
		executor.setMaxPoolSize(size);
		executor.setThreadNamePrefix(namePrefix);
		executor.setDaemon(true);
		return executor;
	}

	@Bean
	@StepScope
	public PreparedWireProcessor preparedWireProcessor(
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("#{stepExecution.jobExecution.id}") long executionId) {
		Pass pass = RunPlan.loadPass(parameters.getString(RunPlan.PASS), parameters.getString(RunPlan.PASS_SHA256));
		ClassificationProcessor classification;
		if (RunPlan.isAmendment(parameters)) {
			classification = new ClassificationProcessor(RunPlan.loadAmender(parameters, pass));
		}
		else if (RunPlan.isRevert(parameters)) {
			classification = new ClassificationProcessor(RunPlan.loadReverter(parameters,
					RunPlan.files(parameters)));
		}
		else {
			classification = new ClassificationProcessor(pass.classifier());
		}
		return new PreparedWireProcessor(classification, executionId, parameters.getString(RunPlan.PASS_NAME),
				Clock.systemUTC());
	}

	@Bean
	@StepScope
	public AmendedArchiveWriter amendedArchiveWriter(@Value("#{stepExecution.jobExecution.id}") long executionId,
			@Value("#{jobParameters['" + RunPlan.PASS_NAME + "']}") String passName,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("${wire-reclassifier.sync:true}") boolean sync,
			@Value("${wire-reclassifier.skip-limit:10000}") long skipLimit) {
		Path work = RunPlan.workDirectory(parameters);
		return new AmendedArchiveWriter(work, sync, skipLimit, PreparedWireProcessor.SIDE_FILES,
				new ReportRecorder(work, sync, executionId, passName), RunPlan.isDryRun(parameters));
	}

}
