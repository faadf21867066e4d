package org.wirereclassifier.pass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails anywhere is resumed by starting it again with the same parameters, and ends with exactly the
 * outputs of an uninterrupted run: no record or audit entry lost or doubled.
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1",
		"wire-reclassifier.sync=false", "wire-reclassifier.chunk-size=7" })
@Import(CrashInjector.class)
class RestartFunctionalTests {

	@Autowired
	private JobOperatorTestUtils jobOperatorTestUtils;

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

	private BatchStatus run(Path output) throws Exception {
		RunPlan plan = RunPlan.prepare(TestArchives.launchArchiveJob(), this.inputs, output);
		return this.jobOperatorTestUtils.startJob(plan.toJobParameters()).getStatus();
	}

	@ParameterizedTest(name = "{0} #{1}")
	@CsvSource({ "READ, 1", "READ, 60", "PROCESS, 30", "PROCESS, 90", "WRITE, 1", "WRITE, 9",
			"BETWEEN_FLUSH_AND_COMMIT, 1", "BETWEEN_FLUSH_AND_COMMIT, 7", "BETWEEN_FLUSH_AND_COMMIT, 13" })
	@DisplayName("a crash in the classification step, then a resume: the outputs of an uninterrupted run")
	void crashInTheStepThenResume(CrashInjector.Point point, int n) throws Exception {
		assertThat(run(dir.resolve("reference"))).isEqualTo(BatchStatus.COMPLETED);

		this.crashes.arm(point, n);
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.FAILED);
		assertThat(dir.resolve("out/summary.json")).doesNotExist();
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.COMPLETED);

		RunOutputs.assertSame(dir.resolve("out"), dir.resolve("reference"));
	}

	@Test
	@DisplayName("crashes at several points of one run, each followed by a resume")
	void severalCrashes() throws Exception {
		run(dir.resolve("reference"));

		this.crashes.arm(CrashInjector.Point.BETWEEN_FLUSH_AND_COMMIT, 3);
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.FAILED);
		this.crashes.arm(CrashInjector.Point.READ, 40);
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.FAILED);
		this.crashes.arm(CrashInjector.Point.WRITE, 4);
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.FAILED);
		assertThat(run(dir.resolve("out"))).isEqualTo(BatchStatus.COMPLETED);

		RunOutputs.assertSame(dir.resolve("out"), dir.resolve("reference"));
	}

	@Test
	@DisplayName("a job file changed between a crash and the resume: the resume stops instead of mixing rules")
	void jobFileChangedBeforeTheResume() throws Exception {
		Path job = TestArchives.jobFile(dir.resolve("jobs"), "changing");
		RunPlan plan = RunPlan.prepare(job, this.inputs, dir.resolve("out"));
		this.crashes.arm(CrashInjector.Point.WRITE, 2);
		assertThat(this.jobOperatorTestUtils.startJob(plan.toJobParameters()).getStatus()).isEqualTo(BatchStatus.FAILED);
		TestArchives.write(job, new String(TestArchives.bytes(job), StandardCharsets.UTF_8).replace("per-wire.", "per wire."));

		var resumed = this.jobOperatorTestUtils.startJob(plan.toJobParameters());

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(resumed.getAllFailureExceptions()).extracting(RestartFunctionalTests::rootCause)
			.anySatisfy(cause -> assertThat(cause.getMessage()).isEqualTo(job + ": the job file or its taxonomy changed "
					+ "since this run started; restore it to resume, or run again to start a new run of the changed pass"));
	}

	@Test
	@DisplayName("a publish that fails half-way (a directory in the way of report.csv), then a resume: the outputs of an uninterrupted run")
	void failureWhilePublishing() throws Exception {
		run(dir.resolve("reference"));
		Path output = dir.resolve("out");
		Path obstacle = Files.createDirectories(output.resolve("report.csv/in-the-way"));

		assertThat(run(output)).isEqualTo(BatchStatus.FAILED);
		assertThat(output.resolve("audit.jsonl")).exists(); // published before report.csv
		assertThat(output.resolve("summary.json")).doesNotExist();
		Files.delete(obstacle);
		Files.delete(obstacle.getParent());
		assertThat(run(output)).isEqualTo(BatchStatus.COMPLETED);

		RunOutputs.assertSame(output, dir.resolve("reference"));
	}

	@Test
	@DisplayName("the audit log and the summary agree: every amended wire has entries, every entry has its wire")
	void auditAgreesWithSummary() throws Exception {
		Path output = dir.resolve("out");
		run(output);

		var summary = TestArchives.summary(output);
		var audit = TestArchives.jsonLines(output.resolve("audit.jsonl"));
		assertThat((long) audit.size()).isEqualTo(summary.get("audit_entries").asLong());
		long amendedWires = audit.stream().filter(e -> e.get("kind").asString().equals("changed"))
			.map(e -> e.get("file").asString() + "#" + e.get("record").asLong()).distinct().count();
		long keptWires = audit.stream().filter(e -> e.get("kind").asString().equals("editor-kept")).count();
		assertThat(amendedWires).isEqualTo(summary.get("amended").asLong());
		assertThat(keptWires).isEqualTo(summary.get("editor_kept").asLong());
		assertThat(audit).allSatisfy(entry -> {
			assertThat(entry.get("pass").asString()).isEqualTo("launch-archive");
			assertThat(entry.get("execution_id").asLong()).isPositive();
			assertThat(entry.get("rule_ids").isArray()).isTrue();
			assertThat(entry.get("taxonomy_after").asString()).isEqualTo("2026.05");
		});
		String lines = new String(TestArchives.bytes(output.resolve("audit.jsonl")), StandardCharsets.UTF_8);
		// JSON Lines: one object a line, nothing before or after it
		assertThat(lines).endsWith("}\n");
		assertThat(lines.split("\n")).hasSize(audit.size());
		assertThat(lines.split("\n")).allSatisfy(line -> assertThat(line).startsWith("{\"execution_id\":").endsWith("}"));
		assertThat(lines)
			.contains("\"wire_id\":\"2025-12-11-openai-employer-backed-certification\",\"file\":\"a-examples.json\","
					+ "\"record\":2,\"field\":\"rationale\",\"before\":\"\"");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
