package org.wirereclassifier.pass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.wirereclassifier.rules.RationaleTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates a job file (YAML, or JSON by its {@code .json} extension). Everything is checked here,
 * before a pass starts, so that a bad job file stops the run with nothing written.
 */
public final class PassDefinitionLoader {

	private static final Pattern PASS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private PassDefinitionLoader() {
	}

	public static Pass load(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new PassDefinitionException(file + ": no such job file");
		}
		catch (IOException ex) {
			throw new PassDefinitionException(file + ": cannot be read (" + ex.getMessage() + ")");
		}
		PassDefinition definition;
		try {
			definition = mapperFor(file).readValue(bytes, PassDefinition.class);
		}
		catch (JacksonException ex) {
			throw new PassDefinitionException(describe(file, new String(bytes, StandardCharsets.UTF_8), ex));
		}
		if (definition == null) {
			throw new PassDefinitionException(file + ": the job file is empty");
		}
		return validate(file, sha256(bytes), definition);
	}

	private static Pass validate(Path file, String sha256, PassDefinition definition) {
		PassDefinition.PassInfo info = require(file, definition.pass(), "pass");
		require(file, info.name(), "pass.name");
		if (!PASS_NAME.matcher(info.name()).matches()) {
			throw new PassDefinitionException(file + ": pass.name \"" + info.name()
					+ "\" must be letters, digits, '.', '_' or '-' (at most 64)");
		}
		require(file, info.date(), "pass.date");
		require(file, require(file, definition.taxonomy(), "taxonomy").version(), "taxonomy.version");
		PassDefinition.RationaleInfo rationale = require(file, definition.rationale(), "rationale");
		return new Pass(file, sha256, definition,
				template(file, require(file, rationale.text(), "rationale.text"), "rationale.text"),
				template(file, require(file, rationale.counterfactual(), "rationale.counterfactual"),
						"rationale.counterfactual"));
	}

	private static RationaleTemplate template(Path file, String text, String key) {
		try {
			return RationaleTemplate.compile(text);
		}
		catch (IllegalArgumentException ex) {
			throw new PassDefinitionException(file + ": " + key + ": " + ex.getMessage());
		}
	}

	private static <T> T require(Path file, T value, String key) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			throw new PassDefinitionException(file + ": " + key + " is missing");
		}
		return value;
	}

	private static ObjectMapper mapperFor(Path file) {
		boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
		return json
				? JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
					.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
				: YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** "jobs/x.yaml line 4: unknown key "colour" in pass (known: date, description, name)". */
	private static String describe(Path file, String text, JacksonException ex) {
		// a syntax error has only a location; a binding error has the path of the key it is about
		List<JacksonException.Reference> path = ex instanceof DatabindException ? ex.getPath() : List.of();
		int line = path.isEmpty() ? -1 : JobFileLocator.line(text, path);
		if (line < 0 && ex.getLocation() != null) {
			line = ex.getLocation().getLineNr();
		}
		String where = file + (line > 0 ? " line " + line : "") + ": ";
		if (ex instanceof UnrecognizedPropertyException unknown) {
			String parent = JobFileLocator.dotted(path.subList(0, path.size() - 1));
			return where + "unknown key \"" + unknown.getPropertyName() + "\"" + (parent.isEmpty() ? "" : " in " + parent)
					+ " (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
						.collect(Collectors.joining(", "))
					+ ")";
		}
		String key = JobFileLocator.dotted(path);
		String message = ex.getOriginalMessage().lines()
			.filter(part -> !part.isBlank() && !Character.isWhitespace(part.charAt(0)))
			.collect(Collectors.joining("; "));
		if (ex instanceof InvalidFormatException format && format.getTargetType() == LocalDate.class) {
			message = "\"" + format.getValue() + "\" is not a date (YYYY-MM-DD)";
		}
		return where + (key.isEmpty() ? "" : key + ": ") + message;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
