package org.wirereclassifier.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.wirereclassifier.TestArchives;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scheduled run tells those who watch it: progress lines at a steady interval, JSON logs behind a switch,
 * Spring Batch's timers in {@code summary.json}, and the metrics pushed to an OTLP endpoint when one is configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunObservabilityTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private Path input;

	private Path output;

	@BeforeEach
	void archive() throws IOException {
		// the sample archive's 30 JSON wires, and a record that is rejected
		this.input = Files.createDirectories(this.dir.resolve("in"));
		Files.copy(Path.of("input/wires.json"), this.input.resolve("wires.json"));
		TestArchives.write(this.input.resolve("broken.csv"), "wire_id,published,headline\nb-1,not a date,Broken\n");
		this.output = this.dir.resolve("out");
	}

	/** Runs the pass in chunks of ten, logging progress after every chunk. */
	private int run(String... more) {
		List<String> args = new ArrayList<>(List.of("run", "--input", this.input.toString(), "--output",
				this.output.toString(), "--wire-reclassifier.chunk-size=10", "--wire-reclassifier.progress-interval=0s"));
		args.addAll(List.of(more));
		return this.commandLine.execute(args.toArray(String[]::new));
	}

	@Nested
	@DisplayName("progress")
	class Progress {

		@Test
		void aLineAfterEachIntervalWithRecordsPercentRateTimeLeftAndRejectsThenAFinalOne(CapturedOutput log) {
			assertThat(run()).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);

			List<String> progress = log.getOut().lines().filter(line -> line.contains("ProgressLog")).toList();
			assertThat(progress).hasSizeGreaterThanOrEqualTo(4);
			assertThat(progress.get(0)).contains(" INFO ")
				.containsPattern("progress run=1 step=classifyWires records=7 percent=\\d+\\.\\d rate=\\d+/s eta=\\d+s "
						+ "rejected=1");
			assertThat(progress.get(progress.size() - 2)).containsPattern("records=31 percent=100.0 .* eta=0s rejected=1");
			assertThat(progress.get(progress.size() - 1))
				.containsPattern("finished run=1 step=classifyWires status=COMPLETED records=31 seconds=\\d+\\.\\d "
						+ "rate=\\d+/s rejected=1");
		}

		@Test
		void jsonLogsForLogShippersBehindASwitch(CapturedOutput log) {
			assertThat(run("--logging.structured.format.console=logstash")).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);

			List<JsonNode> events = log.getOut().lines().filter(line -> line.startsWith("{"))
				.map(line -> TestArchives.JSON.readTree(line)).toList();
			JsonNode finished = events.stream()
				.filter(event -> event.path("message").asString().startsWith("finished "))
				.findFirst().orElseThrow();
			assertThat(finished.get("level").asString()).isEqualTo("INFO");
			assertThat(finished.get("logger_name").asString()).isEqualTo("org.wirereclassifier.pass.ProgressLog");
			assertThat(finished.get("records").asLong()).isEqualTo(31);
			assertThat(finished.get("rejected").asLong()).isEqualTo(1);
			assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(events.stream().filter(event -> event.has("eta_seconds"))).isNotEmpty();
		}

	}

	@Nested
	@DisplayName("metrics")
	class Metrics {

		@Test
		void springBatchTimersAndTheRunAreInSummaryJson() {
			assertThat(run()).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);

			JsonNode run = TestArchives.summary(output).get("run");
			assertThat(run.get("id").asLong()).isEqualTo(1);
			assertThat(run.get("job").asString()).isEqualTo("reclassifyArchive");
			List<JsonNode> timers = new ArrayList<>();
			run.get("timers").forEach(timers::add);
			JsonNode step = timers.stream().filter(timer -> timer.get("name").asString().equals("spring.batch.step"))
				.findFirst().orElseThrow();
			assertThat(step.get("tags").get("spring.batch.step.name").asString()).isEqualTo("classifyWires");
			assertThat(step.get("count").asLong()).isEqualTo(1);
			assertThat(step.get("total_seconds").asDouble()).isPositive();
			JsonNode processed = timers.stream()
				.filter(timer -> timer.get("name").asString().equals("spring.batch.item.process"))
				.findFirst().orElseThrow();
			assertThat(processed.get("count").asLong()).isEqualTo(31 + 4); // records and each file's start and end
			assertThat(timers.stream().map(timer -> timer.get("name").asString()))
				.contains("spring.batch.item.read", "spring.batch.chunk.write");
		}

		@Test
		void pushedToAnOtlpEndpointWhenOneIsConfigured() throws IOException {
			List<byte[]> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
			HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			collector.createContext("/v1/metrics", exchange -> {
				pushed.add(exchange.getRequestBody().readAllBytes());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			collector.start();
			try {
				assertThat(run("--management.otlp.metrics.export.enabled=true",
						"--management.otlp.metrics.export.url=http://127.0.0.1:" + collector.getAddress().getPort()
								+ "/v1/metrics")).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);
			}
			finally {
				collector.stop(0);
			}

			// pushed when the command ends, at the latest (OTLP's protobuf carries the names as text)
			String all = String.join("\n", pushed.stream().map(body -> new String(body, StandardCharsets.ISO_8859_1))
				.toList());
			assertThat(all).contains("spring.batch.step", "classifyWires", "wire_reclassifier.records", "rejected");
		}

		@Test
		void notPushedAnywhereByDefault(CapturedOutput log) {
			assertThat(run()).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);
			assertThat(log.getAll()).doesNotContain("OtlpMeterRegistry");
		}

	}

}
