package org.wirereclassifier.pass;

import java.nio.file.Path;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveInputs;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.ArchiveReader;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.audit.AuditTrail;
import org.wirereclassifier.audit.AuditRecorder;
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

	@Bean
	public Job reclassifyArchive(JobRepository jobRepository, Step classifyWires, Step publishOutputs) {
		return new JobBuilder(JOB_NAME, jobRepository).start(classifyWires).next(publishOutputs).build();
	}

	@Bean
	public Step classifyWires(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ArchiveReader archiveReader, ClassificationProcessor classificationProcessor,
			AmendedArchiveWriter amendedArchiveWriter, ObjectProvider<ClassificationStepObserver> observers,
			@Value("${wire-reclassifier.chunk-size:500}") int chunkSize) {
		ChunkOrientedStepBuilder<ArchiveItem, ArchiveItem> step = new StepBuilder(CLASSIFY_STEP, jobRepository)
			.<ArchiveItem, ArchiveItem>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(archiveReader)
			.processor(classificationProcessor)
			.writer(amendedArchiveWriter);
		observers.orderedStream().forEach(observer -> {
			step.listener(observer);
			if (observer instanceof ItemStream stream) {
				step.stream(stream); // updated after the writer: between its flush and the commit
			}
		});
		return step.build();
	}

	@Bean
	public Step publishOutputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PublishOutputsTasklet publishOutputsTasklet) {
		return new StepBuilder(PUBLISH_STEP, jobRepository).tasklet(publishOutputsTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	public ArchiveReader archiveReader(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		// an amendment may lock codes: a CSV file then gets a code_locks column
		return new ArchiveReader(ArchiveInputs.expand(RunPlan.splitInputs(parameters.getString(RunPlan.INPUTS))),
				RunPlan.isAmendment(parameters) ? WireField.EDITOR_WRITABLE : WireField.PASS_WRITABLE);
	}

	@Bean
	@StepScope
	public ClassificationProcessor classificationProcessor(
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		Pass pass = RunPlan.loadPass(parameters.getString(RunPlan.PASS), parameters.getString(RunPlan.PASS_SHA256));
		if (RunPlan.isAmendment(parameters)) {
			return new ClassificationProcessor(RunPlan.loadAmender(parameters, pass));
		}
		if (RunPlan.isRevert(parameters)) {
			return new ClassificationProcessor(RunPlan.loadReverter(parameters,
					ArchiveInputs.expand(RunPlan.splitInputs(parameters.getString(RunPlan.INPUTS)))));
		}
		return new ClassificationProcessor(pass.classifier());
	}

	@Bean
	@StepScope
	public AmendedArchiveWriter amendedArchiveWriter(AuditTrail auditTrail,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long instanceId,
			@Value("#{stepExecution.jobExecution.id}") long executionId,
			@Value("#{jobParameters['" + RunPlan.PASS_NAME + "']}") String passName,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("${wire-reclassifier.sync:true}") boolean sync,
			@Value("${wire-reclassifier.skip-limit:10000}") long skipLimit) {
		return new AmendedArchiveWriter(
				RunPlan.workDirectory(Path.of(parameters.getString(RunPlan.OUTPUT)), RunPlan.runKey(parameters)), sync,
				skipLimit, new AuditRecorder(auditTrail, instanceId, executionId, passName),
				RunPlan.isDryRun(parameters));
	}

}
