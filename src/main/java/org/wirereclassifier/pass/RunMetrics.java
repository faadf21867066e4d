package org.wirereclassifier.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.wirereclassifier.archive.ArchiveTally;

/**
 * A run's metrics the Spring way: Spring Batch times jobs, steps, reads, processing and chunk writes with
 * Micrometer; this adds the run's record counts ({@code wire_reclassifier.records}, tagged by outcome) and reads
 * the timers back for {@code summary.json}. When an OTLP endpoint is configured, the same meters are pushed.
 */
@Component
public class RunMetrics {

	static final String RECORDS = "wire_reclassifier.records";

	private final ObjectProvider<MeterRegistry> registry;

	public RunMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	/** Counts a finished run's records by outcome (once, when it publishes). */
	void count(String job, ArchiveTally tally) {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters == null) {
			return;
		}
		Map<String, Long> outcomes = new LinkedHashMap<>();
		outcomes.put("amended", tally.amended);
		outcomes.put("unchanged", tally.unchanged);
		outcomes.put("rejected", tally.rejected);
		outcomes.put("editor_kept", tally.editorKept);
		outcomes.forEach((outcome, count) -> meters.counter(RECORDS, "job", job, "outcome", outcome).increment(count));
	}

	/**
	 * Spring Batch's timers of this process so far, for {@code summary.json}: name, tags, count, total and maximum
	 * time, in a stable order. A resumed run's are those of the resumed part.
	 */
	List<Map<String, Object>> timers() {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters == null) {
			return List.of();
		}
		List<Map<String, Object>> timers = new ArrayList<>();
		for (Meter meter : meters.getMeters()) {
			if (meter instanceof Timer timer && timer.getId().getName().startsWith("spring.batch.") && timer.count() > 0) {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("name", timer.getId().getName());
				Map<String, String> tags = new TreeMap<>();
				for (Tag tag : timer.getId().getTags()) {
					tags.put(tag.getKey(), tag.getValue());
				}
				json.put("tags", tags);
				json.put("count", timer.count());
				json.put("total_seconds", round(timer.totalTime(TimeUnit.SECONDS)));
				json.put("max_seconds", round(timer.max(TimeUnit.SECONDS)));
				timers.add(json);
			}
		}
		timers.sort(Comparator.comparing((Map<String, Object> json) -> (String) json.get("name"))
			.thenComparing(json -> json.get("tags").toString()));
		return timers;
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1e6) / 1e6;
	}

}
