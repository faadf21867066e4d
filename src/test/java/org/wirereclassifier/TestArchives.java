package org.wirereclassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveFileReader;
import org.wirereclassifier.archive.ArchiveFormat;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.Wire;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixtures: the spec's example wires, the AIID copies, job files, and readers for a pass's outputs. */
public final class TestArchives {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The launch-archive rationale, as the spec's first example wire has it. */
	public static final String LAUNCH_RATIONALE = "Launch-archive bulk classification (10 May 2026). Source signal "
			+ "originates from a real AI provider, regulator, or model-comparison probe; the harm or behavioural "
			+ "change described would not have occurred without the AI system being deployed in the role described. "
			+ "Editor reviewing the archive may amend the rationale per-wire.";

	public static final String COUNTERFACTUAL = "Counterfactual \"but-for\" test per the Editor's Guide.";

	private TestArchives() {
	}

	/** A file from {@code src/test/resources}. */
	public static Path resource(String name) {
		try {
			return Path.of(TestArchives.class.getResource("/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalArgumentException("no test resource " + name, ex);
		}
	}

	/** Copies a test resource into a folder (as an input of its own) and returns the copy. */
	public static Path copy(String resource, Path folder) {
		return copy(resource, folder, Path.of(resource).getFileName().toString());
	}

	public static Path copy(String resource, Path folder, String name) {
		try {
			Files.createDirectories(folder);
			return Files.copy(resource(resource), folder.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Path write(Path file, String text) {
		return write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	public static Path write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The launch-archive job file as {@code jobs/} ships it. */
	public static Path launchArchiveJob() {
		return Path.of("jobs/launch-archive.yaml").toAbsolutePath();
	}

	/** The launch taxonomy as {@code jobs/taxonomy/} ships it. */
	public static Path launchTaxonomy() {
		return Path.of("jobs/taxonomy/2026.05.yaml").toAbsolutePath();
	}

	/**
	 * Writes a job file into a folder, with a copy of the launch taxonomy at {@code taxonomy/2026.05.yaml} beside
	 * it, so that {@code taxonomy: taxonomy/2026.05.yaml} resolves.
	 */
	public static Path jobFile(Path folder, String name, String yaml) {
		write(folder.resolve("taxonomy/2026.05.yaml"), bytes(launchTaxonomy()));
		return write(folder.resolve(name), yaml);
	}

	/** A job file with the launch-archive rationale, the given rules (YAML list items) and its own pass name. */
	public static Path jobFile(Path folder, String passName, String... rules) {
		StringBuilder yaml = new StringBuilder("""
				pass:
				  name: %s
				  date: 2026-05-10
				taxonomy: taxonomy/2026.05.yaml
				rationale:
				  text: >-
				    Launch-archive bulk classification ({pass_date}). Source signal originates from a real AI
				    provider, regulator, or model-comparison probe; the harm or behavioural change described would
				    not have occurred without the AI system being deployed in the role described. Editor reviewing
				    the archive may amend the rationale per-wire.
				  counterfactual: Counterfactual "but-for" test per the Editor's Guide.
				""".formatted(passName));
		if (rules.length > 0) {
			yaml.append("rules:\n");
			for (String rule : rules) {
				yaml.append(rule.stripIndent().indent(2));
			}
		}
		return jobFile(folder, passName + ".yaml", yaml.toString());
	}

	/** The wires of an archive file, in order (rejected records left out). */
	public static List<Wire> wires(Path file) {
		List<Wire> wires = new ArrayList<>();
		try (ArchiveFileReader reader = ArchiveFileReader
			.open(new ArchiveFile(0, file, ArchiveFormat.of(file).orElseThrow()))) {
			ArchiveItem item;
			while ((item = reader.next()) != null) {
				if (item instanceof ArchiveItem.WireRead read) {
					wires.add(read.wire());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return wires;
	}

	public static JsonNode summary(Path output) {
		return JSON.readTree(output.resolve("summary.json").toFile());
	}

	/**
	 * The bytes of an output file as two runs of the same pass over the same archive must both have them: all of
	 * it, but for {@code summary.json} without its {@code run} object (which run, when, how long).
	 */
	public static byte[] sameInEveryRun(Path file) {
		if (!file.getFileName().toString().equals("summary.json")) {
			return bytes(file);
		}
		byte[] bytes = bytes(file);
		String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		int run = text.lastIndexOf(",\n  \"run\" : {");
		assertThat(run).as("summary.json ends with its run object").isPositive();
		return (text.substring(0, run) + "\n}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	public static List<JsonNode> rejects(Path output) {
		return jsonLines(output.resolve("rejects.jsonl"));
	}

	public static List<JsonNode> jsonLines(Path file) {
		try {
			return Files.readAllLines(file).stream().map(JSON::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
