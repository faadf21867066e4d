package org.wirereclassifier.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The command line's {@code --json} output: one indented document, keys in the order given. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	static String write(Object document) {
		return MAPPER.writeValueAsString(document);
	}

}
