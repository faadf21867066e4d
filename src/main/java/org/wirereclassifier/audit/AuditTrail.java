package org.wirereclassifier.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.WireField;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of every change a pass makes, kept in the job's database beside the job repository. A chunk's
 * entries are inserted in the chunk's own transaction, so a commit records both the amended records and their
 * audit entries, or neither; a restarted run therefore finds exactly the committed entries, once each.
 * <p>
 * One row a wire (its entries as JSON), keyed by run and place in the archive: a second insert of the same wire
 * for the same run fails rather than doubling entries.
 */
@Component
public class AuditTrail {

	private static final String SCHEMA = """
			CREATE TABLE IF NOT EXISTS WR_AUDIT_WIRE (
				JOB_INSTANCE_ID BIGINT NOT NULL,
				JOB_EXECUTION_ID BIGINT NOT NULL,
				FILE_INDEX INT NOT NULL,
				RECORD_NUMBER BIGINT NOT NULL,
				WIRE_ID VARCHAR(1000) NOT NULL,
				SOURCE_FILE VARCHAR(1000) NOT NULL,
				PASS_NAME VARCHAR(100) NOT NULL,
				ENTRIES VARCHAR(1000000000) NOT NULL,
				RECORDED_AT TIMESTAMP(3) NOT NULL,
				PRIMARY KEY (JOB_INSTANCE_ID, FILE_INDEX, RECORD_NUMBER))""";

	private static final TypeReference<List<Map<String, Object>>> ENTRIES = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	public AuditTrail(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute(SCHEMA);
		this.jdbc.execute("ALTER TABLE WR_AUDIT_WIRE ADD COLUMN IF NOT EXISTS HEADLINE VARCHAR(1000000000)");
	}

	/** Records the changed and editor-kept wires of a chunk, in the caller's (the chunk's) transaction. */
	public void record(long instanceId, long executionId, String pass, List<ArchiveItem.Classified> wires) {
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		for (ArchiveItem.Classified wire : wires) {
			if (!wire.changed() && !wire.editorKept()) {
				continue;
			}
			rows.add(new Object[] { instanceId, executionId, wire.source().file().index(),
					wire.source().recordNumber(), wire.original().wireId(), wire.source().file().name(), pass,
					this.json.writeValueAsString(entries(wire)), now, wire.original().headline() });
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO WR_AUDIT_WIRE (JOB_INSTANCE_ID, JOB_EXECUTION_ID, FILE_INDEX, "
					+ "RECORD_NUMBER, WIRE_ID, SOURCE_FILE, PASS_NAME, ENTRIES, RECORDED_AT, HEADLINE) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		}
	}

	/** The per-field entries of one wire, as stored: field, before, after, rules, taxonomy versions, kind. */
	private static List<Map<String, Object>> entries(ArchiveItem.Classified wire) {
		List<Map<String, Object>> entries = new ArrayList<>();
		String taxonomyBefore = wire.original().taxonomyVersion();
		String taxonomyAfter = wire.amended().taxonomyVersion();
		for (FieldChange change : wire.changes()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field", change.field().fieldName());
			entry.put("before", change.before());
			entry.put("after", change.after());
			entry.put("rule_ids", change.ruleIds());
			entry.put("taxonomy_before", taxonomyBefore);
			entry.put("taxonomy_after", taxonomyAfter);
			entry.put("kind", AuditEntry.CHANGED);
			entries.add(entry);
		}
		if (wire.editorKept()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field", WireField.RATIONALE.fieldName());
			entry.put("before", wire.original().rationale());
			entry.put("after", wire.original().rationale());
			entry.put("rule_ids", List.of());
			entry.put("taxonomy_before", taxonomyBefore);
			entry.put("taxonomy_after", taxonomyAfter);
			entry.put("kind", AuditEntry.KEPT);
			entry.put("would_have_written", wire.keptRationale());
			entries.add(entry);
		}
		return entries;
	}

	/**
	 * Hands every committed entry of a run to {@code consumer}, in archive order (file, record, field), and
	 * returns how many. Streams: memory does not grow with the size of the run.
	 */
	@SuppressWarnings("unchecked")
	public long forEach(long instanceId, Consumer<AuditEntry> consumer) {
		long[] count = { 0 };
		this.jdbc.setFetchSize(1000);
		this.jdbc.query("SELECT JOB_EXECUTION_ID, WIRE_ID, HEADLINE, SOURCE_FILE, RECORD_NUMBER, PASS_NAME, ENTRIES, "
				+ "RECORDED_AT FROM WR_AUDIT_WIRE WHERE JOB_INSTANCE_ID = ? ORDER BY FILE_INDEX, RECORD_NUMBER", row -> {
					String at = row.getTimestamp("RECORDED_AT").toInstant().toString();
					for (Map<String, Object> entry : this.json.readValue(row.getString("ENTRIES"), ENTRIES)) {
						consumer.accept(new AuditEntry(row.getLong("JOB_EXECUTION_ID"), row.getString("PASS_NAME"),
								row.getString("WIRE_ID"), row.getString("HEADLINE"), row.getString("SOURCE_FILE"),
								row.getLong("RECORD_NUMBER"), (String) entry.get("field"), (String) entry.get("before"),
								(String) entry.get("after"), (List<String>) entry.get("rule_ids"),
								(String) entry.get("taxonomy_before"), (String) entry.get("taxonomy_after"),
								(String) entry.get("kind"), (String) entry.get("would_have_written"), at));
						count[0]++;
					}
				}, instanceId);
		return count[0];
	}

	/** Writes every committed entry of a run to a JSON Lines file, in archive order; returns how many. */
	public long export(long instanceId, Path target) {
		return export(instanceId, target, entry -> {
		});
	}

	/** As {@link #export(long, Path)}, handing each entry to {@code also} too (the report), in one read. */
	public long export(long instanceId, Path target, Consumer<AuditEntry> also) {
		try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			return forEach(instanceId, entry -> {
				also.accept(entry);
				try {
					out.write(this.json.writeValueAsString(entry.toJson()));
					out.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
