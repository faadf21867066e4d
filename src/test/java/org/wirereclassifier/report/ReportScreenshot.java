package org.wirereclassifier.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes {@code docs/report.png}, the README's picture of a report: the report of the sample run in
 * {@code output/}, rendered by headless Chromium. Not a test the build runs (its name does not end in "Tests"):
 * it needs that run, and it rewrites a committed file. Run it by name:
 *
 * <pre>
 * ./mvnw -q spring-boot:run
 * ./mvnw -q -B test -Dtest=ReportScreenshot
 * </pre>
 *
 * The report itself is left in {@code target/report-sample/}; {@code -Dreport.screenshot.file=…} writes the
 * picture elsewhere.
 */
class ReportScreenshot {

	@Test
	void screenshotOfTheSampleRunsReport(@TempDir Path temp) throws Exception {
		Path output = Path.of("output");
		assertThat(output.resolve("audit.jsonl")).as("run ./mvnw -q spring-boot:run first").exists();
		JsonNode summary = TestArchives.summary(output);
		Path dir = Path.of("target/report-sample");
		Path html = ReportFixtures.writeReport(dir, ReportFixtures.infoOf(summary, List.of("input/")),
				ReportFixtures.tallyOf(summary), ReportFixtures.auditOf(output.resolve("audit.jsonl"), Path.of("input")),
				output.resolve("rejects.jsonl"));

		Chromium.Output dom = Chromium.dumpDom(html, null, temp.resolve("dom"));
		assertThat(dom.errors()).isEmpty();

		Path png = Path.of(System.getProperty("report.screenshot.file", "docs/report.png"));
		Files.createDirectories(png.toAbsolutePath().getParent());
		Chromium.screenshot(html, png, 1280, 1800, temp.resolve("png"));
		assertThat(png).isNotEmptyFile();
	}

}
