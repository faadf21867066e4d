package org.wirereclassifier.cli;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The command line's JSON: its {@code --json} output (one indented document, keys in the order given), and reading. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	static String write(Object document) {
		return MAPPER.writeValueAsString(document);
	}

	static JsonNode read(Path file) {
		return MAPPER.readTree(file.toFile());
	}

}
