import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic wire archive of any size, deterministically, from the real AIID texts the repository ships
 * (src/test/resources/aiid: incident titles and descriptions, news report texts): about 1.2 KB a wire, as the
 * archive's wires are. Run with the JDK alone: java bench/GenerateArchive.java OUT.csv WIRES
 */
public class GenerateArchive {

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("Usage: java bench/GenerateArchive.java OUT.csv WIRES [FILES] (run from the project's folder)");
			System.exit(2);
		}
		Path out = Path.of(args[0]);
		int wires = Integer.parseInt(args[1]);
		Path aiid = Path.of("src/test/resources/aiid");
		List<String[]> incidents = incidents(Files.readString(aiid.resolve("incidents.csv"), StandardCharsets.UTF_8));
		List<String> reports = new ArrayList<>();
		for (String line : Files.readAllLines(aiid.resolve("reports_en.jsonl"), StandardCharsets.UTF_8)) {
			String text = line.replaceAll("^.*\"text\": \"", "").replaceAll("\", \"plain_text\".*$", "")
				.replace("\\n", "\n").replace("\\\"", "\"");
			if (text.length() > 400) {
				reports.add(text);
			}
		}
		String[] tiers = { "single", "standard", "strong" };
		String[] providers = { "OpenAI", "Google", "Microsoft", "Meta", "Anthropic", "Amazon", "Tesla", "Uber" };
		Random random = new Random(20260510);
		// with a third argument N > 1: N files of consecutive wires, OUT/part-1.csv ..., for the partitioned pass
		int files = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		Files.createDirectories(files > 1 ? out : out.toAbsolutePath().getParent());
		int i = 0;
		for (int f = 1; f <= files; f++) {
			Path file = files > 1 ? out.resolve("part-" + f + ".csv") : out;
			int end = (int) ((long) wires * f / files);
			try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				w.write("wire_id,published,headline,severity,providers,source_count,source_tier,body,codes,rationale,"
						+ "rationale_origin,counterfactual,taxonomy_version\n");
				for (; i < end; i++) {
					String[] incident = incidents.get(random.nextInt(incidents.size()));
					String report = reports.get(random.nextInt(reports.size()));
					int start = random.nextInt(Math.max(1, report.length() - 800));
					String body = incident[1] + "\n\n" + report.substring(start, Math.min(report.length(), start + 800));
					w.write("w-" + i + "," + incident[2] + "," + cell(incident[0]) + ",," + providers[random.nextInt(providers.length)]
							+ "," + (1 + random.nextInt(6)) + "," + tiers[random.nextInt(3)] + "," + cell(body) + ",,,,,\n");
				}
			}
		}
	}

	/** title, description, date of each AIID incident (a small RFC 4180 reader: the file has quoted multi-line cells). */
	private static List<String[]> incidents(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		List<String[]> incidents = new ArrayList<>();
		for (List<String> r : rows.subList(1, rows.size())) {
			incidents.add(new String[] { r.get(8), r.get(7), r.get(2) });
		}
		return incidents;
	}

	private static String cell(String value) {
		return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
