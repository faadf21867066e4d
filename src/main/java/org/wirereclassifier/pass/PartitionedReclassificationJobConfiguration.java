package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveInputs;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.ArchiveReader;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.report.ReportRecorder;

/**
 * The pass partitioned by input file, on one machine: {@code indexWireIds} reads every file's ids once, in order,
 * so that each partition knows the ids of the files before its own (a duplicate is rejected naming its first place,
 * as in the single step); {@code classifyFiles} runs a {@code classifyFile} step a file on a thread pool, each
 * writing to its own working directory with its own restart state; {@code publishOutputs} joins them in archive
 * order. The outputs are those of {@link ReclassificationJobConfiguration reclassifyArchive}, byte for byte. A
 * restart runs again only the partitions that did not complete. Chosen with {@code run --partitioned}.
 */
@Configuration(proxyBeanMethods = false)
public class PartitionedReclassificationJobConfiguration {

	public static final String JOB_NAME = "reclassifyArchivePartitioned";

	public static final String INDEX_STEP = "indexWireIds";

	public static final String MANAGER_STEP = "classifyFiles";

	public static final String WORKER_STEP = "classifyFile";

	@Bean
	public Job reclassifyArchivePartitioned(JobRepository jobRepository, Step indexWireIds, Step classifyFiles,
			Step publishOutputs) {
		return new JobBuilder(JOB_NAME, jobRepository).start(indexWireIds)
			.next(classifyFiles)
			.next(publishOutputs)
			.build();
	}

	@Bean
	public Step indexWireIds(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Value("${wire-reclassifier.sync:true}") boolean sync) {
		return new StepBuilder(INDEX_STEP, jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			Path work = RunPlan.workDirectory(parameters);
			ArchiveReader reader = new ArchiveReader(RunPlan.files(parameters), WireField.PASS_WRITABLE, null, sync);
			reader.open(new ExecutionContext());
			for (ArchiveItem item = reader.read(); item != null; item = reader.read()) {
				contribution.incrementReadCount();
				if (item instanceof ArchiveItem.FileEnd end) {
					// each file's journal holds the ids first seen in it: what the partitions after it must know
					reader.writeJournal(InputFilePartitioner.idsBefore(work, end.file()));
				}
			}
			reader.close();
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/** The threads partitions run on: {@code wire-reclassifier.partition-threads}, by default one a core. */
	@Bean
	public ThreadPoolTaskExecutor partitionThreads(@Value("${wire-reclassifier.partition-threads:0}") int threads) {
		return ReclassificationJobConfiguration.threadPool("partition-", threads);
	}

	/** One partition a file, as many at a time as there are partition threads. */
	@Bean
	@JobScope
	public Step classifyFiles(JobRepository jobRepository, Step classifyFile, ThreadPoolTaskExecutor partitionThreads,
			@Value("#{jobParameters['" + RunPlan.INPUTS + "']}") String inputs) {
		List<ArchiveFile> files = ArchiveInputs.expand(RunPlan.splitInputs(inputs));
		return new StepBuilder(MANAGER_STEP, jobRepository).partitioner(WORKER_STEP, new InputFilePartitioner(files))
			.step(classifyFile)
			.gridSize(files.size())
			.taskExecutor(partitionThreads)
			.build();
	}

	/** A partition: the chunk step of {@code reclassifyArchive} over one file, classifying on its own thread. */
	@Bean
	public Step classifyFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ArchiveReader partitionReader, PreparedWireProcessor preparedWireProcessor,
			AmendedArchiveWriter partitionWriter, ObjectProvider<ClassificationStepObserver> observers,
			@Value("${wire-reclassifier.chunk-size:500}") int chunkSize) {
		return ReclassificationJobConfiguration.classificationStep(WORKER_STEP, jobRepository, transactionManager,
				chunkSize, partitionReader, preparedWireProcessor, partitionWriter, observers).build();
	}

	@Bean
	@StepScope
	public ArchiveReader partitionReader(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("#{stepExecutionContext['" + InputFilePartitioner.FILE_INDEX + "']}") int fileIndex,
			@Value("#{stepExecution.stepName}") String stepName,
			@Value("${wire-reclassifier.sync:true}") boolean sync) {
		Path work = RunPlan.workDirectory(parameters);
		List<ArchiveFile> files = RunPlan.files(parameters);
		Map<ArchiveFile, Path> before = new LinkedHashMap<>();
		files.subList(0, fileIndex).forEach(file -> before.put(file, InputFilePartitioner.idsBefore(work, file)));
		return new ArchiveReader(List.of(files.get(fileIndex)), WireField.PASS_WRITABLE,
				partitionDirectory(work, stepName).resolve(ArchiveReader.JOURNAL), sync, before);
	}

	@Bean
	@StepScope
	public AmendedArchiveWriter partitionWriter(@Value("#{stepExecution.jobExecution.id}") long executionId,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("#{stepExecution.stepName}") String stepName,
			@Value("${wire-reclassifier.sync:true}") boolean sync,
			@Value("${wire-reclassifier.skip-limit:10000}") long skipLimit) {
		Path directory = partitionDirectory(RunPlan.workDirectory(parameters), stepName);
		return new AmendedArchiveWriter(directory, sync, skipLimit, PreparedWireProcessor.SIDE_FILES,
				new ReportRecorder(directory, sync, executionId, parameters.getString(RunPlan.PASS_NAME)),
				RunPlan.isDryRun(parameters));
	}

	/** The worker step's execution is named {@code classifyFile:file-0000}: its working directory by that name. */
	private static Path partitionDirectory(Path work, String stepName) {
		return InputFilePartitioner.directory(work, stepName.substring(stepName.indexOf(':') + 1));
	}

}
