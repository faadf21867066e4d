package org.wirereclassifier.pass;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
import org.wirereclassifier.rules.RuleCompiler;
import org.wirereclassifier.rules.RuleSet;
import org.wirereclassifier.rules.RuleSetException;
import org.wirereclassifier.taxonomy.Taxonomy;
import org.wirereclassifier.taxonomy.TaxonomyDefinition;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates a job file (YAML, or JSON by its {@code .json} extension) and the taxonomy file it names.
 * Everything is checked here, before a pass starts, so that a bad job file stops the run with nothing written.
 * Job files are data: they are bound to fixed records, and nothing in them is evaluated as code.
 */
public final class PassDefinitionLoader {

	/** Job and taxonomy files are small; this bounds what a mistaken or hostile file can make the loader read. */
	private static final int MAX_BYTES = 1024 * 1024;

	private static final Pattern PASS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private PassDefinitionLoader() {
	}

	public static Pass load(Path file) {
		byte[] bytes = read(file, "job file");
		String text = new String(bytes, StandardCharsets.UTF_8);
		PassDefinition definition = bind(file, text, bytes, PassDefinition.class, "job file");
		PassDefinition.PassInfo info = require(file, definition.pass(), "pass");
		require(file, info.name(), "pass.name");
		if (!PASS_NAME.matcher(info.name()).matches()) {
			throw new PassDefinitionException(file + ": pass.name \"" + info.name()
					+ "\" must be letters, digits, '.', '_' or '-' (at most 64)");
		}
		require(file, info.date(), "pass.date");

		Path taxonomyFile = file.toAbsolutePath().getParent().resolve(require(file, definition.taxonomy(), "taxonomy"))
			.normalize();
		List<byte[]> identity = new java.util.ArrayList<>(List.of(bytes));
		Taxonomy taxonomy = loadTaxonomy(taxonomyFile, "taxonomy file (named by " + file.getFileName() + ")", identity,
				new java.util.HashSet<>());

		PassDefinition.RationaleInfo rationale = require(file, definition.rationale(), "rationale");
		if (rationale.apply() != null && !rationale.apply().equals("always") && !rationale.apply().equals("changed")) {
			throw new PassDefinitionException(file + ": rationale.apply must be always or changed, not \""
					+ shortened(rationale.apply()) + "\"");
		}
		RationaleTemplate bulkRationale = template(file, text, require(file, rationale.text(), "rationale.text"),
				"text");
		RationaleTemplate counterfactual = template(file, text,
				require(file, rationale.counterfactual(), "rationale.counterfactual"), "counterfactual");
		RuleSet rules;
		try {
			rules = RuleCompiler.compile(definition.rules(), taxonomy, Pass.templateValues(definition, taxonomy),
					(index, keys) -> JobFileLocator.line(text, "rules", index, keys));
		}
		catch (RuleSetException ex) {
			throw new PassDefinitionException(file + ": " + String.join("\n" + file + ": ", ex.problems()));
		}
		return new Pass(file, sha256(identity.toArray(byte[][]::new)), definition, taxonomy, rules, bulkRationale,
				counterfactual);
	}

	/**
	 * Loads a taxonomy and the chain of versions before it ({@code previous:}, relative to each file), checking
	 * each migration against the versions it joins; every file's bytes join the pass's identity.
	 */
	private static Taxonomy loadTaxonomy(Path file, String what, List<byte[]> identity, java.util.Set<Path> visiting) {
		if (!visiting.add(file)) {
			throw new PassDefinitionException(file + ": the taxonomy chain comes back to this file: a cycle");
		}
		byte[] bytes = read(file, what);
		identity.add(bytes);
		TaxonomyDefinition definition = bind(file, new String(bytes, StandardCharsets.UTF_8), bytes,
				TaxonomyDefinition.class, "taxonomy");
		Taxonomy before = definition.previous() == null ? null
				: loadTaxonomy(file.getParent().resolve(definition.previous()).normalize(),
						"previous taxonomy (named by " + file.getFileName() + ")", identity, visiting);
		try {
			return definition.toTaxonomy(before);
		}
		catch (IllegalArgumentException ex) {
			throw new PassDefinitionException(file + ": " + ex.getMessage());
		}
	}

	private static byte[] read(Path file, String what) {
		if (!Files.exists(file)) {
			throw new PassDefinitionException(file + ": no such " + what);
		}
		// a FIFO would block the run and a device would never end: only regular files (symlinks followed)
		if (!Files.isRegularFile(file)) {
			throw new PassDefinitionException(file + ": not a regular file");
		}
		try {
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				throw tooLarge(file, size, what);
			}
			byte[] bytes;
			try (InputStream in = Files.newInputStream(file)) {
				// bounded even if the file grows after the size was checked
				bytes = in.readNBytes(MAX_BYTES + 1);
			}
			if (bytes.length > MAX_BYTES) {
				throw tooLarge(file, Math.max(size, bytes.length), what);
			}
			if (!isUtf8(bytes)) {
				throw new PassDefinitionException(file + ": not UTF-8 text (save it as UTF-8)");
			}
			return bytes;
		}
		catch (NoSuchFileException ex) {
			throw new PassDefinitionException(file + ": no such " + what);
		}
		catch (IOException ex) {
			throw new PassDefinitionException(file + ": cannot be read (" + ex.getMessage() + ")");
		}
	}

	private static PassDefinitionException tooLarge(Path file, long size, String what) {
		return new PassDefinitionException(file + ": " + size + " bytes; a " + (what.startsWith("job") ? "job file"
				: "taxonomy file") + " may be at most 1 MiB");
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static <T> T bind(Path file, String text, byte[] bytes, Class<T> type, String what) {
		String tag = JobFileLocator.firstTypeTag(text);
		if (tag != null) {
			throw new PassDefinitionException(file + " " + tag.substring(0, tag.indexOf(':')) + ": YAML type tags are "
					+ "not allowed in a " + what + " (found " + shortened(tag.substring(tag.indexOf(':') + 2)) + ")");
		}
		try {
			T value = mapperFor(file).readValue(bytes, type);
			if (value == null) {
				throw new PassDefinitionException(file + ": the file is empty");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new PassDefinitionException(describe(file, text, ex, what));
		}
	}

	private static RationaleTemplate template(Path file, String fileText, String template, String key) {
		try {
			return RationaleTemplate.compile(template);
		}
		catch (IllegalArgumentException ex) {
			int line = JobFileLocator.line(fileText, List.of(new JacksonException.Reference(null, "rationale"),
					new JacksonException.Reference(null, key)));
			throw new PassDefinitionException(file + (line > 0 ? " line " + line : "") + ": rationale." + key + ": "
					+ ex.getMessage());
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
		return (json ? JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				: YAMLMapper.builder())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.build();
	}

	/** "jobs/x.yaml line 4: unknown key "colour" in pass (known: date, description, name)". */
	private static String describe(Path file, String text, JacksonException ex, String what) {
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
		String message;
		// the file's own values are not repeated: a job file could name any file as its taxonomy
		if (ex instanceof InvalidFormatException format && format.getTargetType() == LocalDate.class) {
			message = "\"" + shortened(String.valueOf(format.getValue())) + "\" is not a date (YYYY-MM-DD)";
		}
		else if (ex instanceof MismatchedInputException mismatch) {
			message = key.isEmpty() ? "not a " + what + " (expected a mapping of keys)"
					: "expected " + expected(mismatch.getTargetType());
		}
		else {
			message = shortened(ex.getOriginalMessage().lines()
				.filter(part -> !part.isBlank() && !Character.isWhitespace(part.charAt(0)))
				.collect(Collectors.joining("; ")));
		}
		return where + (key.isEmpty() ? "" : key + ": ") + message;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "another kind of value";
		}
		if (type == String.class) {
			return "text";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type == LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (List.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (type == Boolean.class) {
			return "true or false";
		}
		return "a mapping of keys";
	}

	private static String shortened(String text) {
		return text.length() > 120 ? text.substring(0, 120) + "…" : text;
	}

	static String sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
