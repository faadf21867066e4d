package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveInputs;
import org.wirereclassifier.evaluation.Evaluation;
import org.wirereclassifier.evaluation.Labels;
import org.wirereclassifier.pass.Pass;
import org.wirereclassifier.pass.PassDefinitionLoader;
import org.wirereclassifier.rules.Classifier;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * {@code evaluate [JOB_FILE] --labels FILE [--input PATH]...}: scores a pass's rules against a labelled sample,
 * without writing anything, so that maintainers see what a rules change does before running it.
 */
class EvaluateCommand {

	private final PrintStream out;

	EvaluateCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments arguments) {
		if (arguments.labels() == null || arguments.inputs().isEmpty()) {
			throw new UsageException("evaluate needs --labels FILE and the labelled wires as --input PATH");
		}
		Pass pass = PassDefinitionLoader.load(arguments.jobFile());
		Map<String, Set<String>> labels;
		try {
			labels = Labels.read(arguments.labels());
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		List<ArchiveFile> files = ArchiveInputs.expand(arguments.inputs());
		Set<String> families = Evaluation.familiesOf(labels);
		Evaluation evaluation = new Evaluation(families);
		Classifier classifier = pass.classifier();
		Set<String> seen = new java.util.HashSet<>();
		ArchiveInputs.forEachWire(files, (wire, source) -> {
			Set<String> gold = labels.get(wire.wireId());
			if (gold != null && seen.add(wire.wireId())) {
				evaluation.add(gold, classifier.classify(wire).amended().codes());
			}
		});
		labels.keySet().stream().filter(id -> !seen.contains(id)).forEach(id -> evaluation.missing());
		print(pass, arguments, families, evaluation);
		return ExitCode.COMPLETED;
	}

	private void print(Pass pass, Arguments arguments, Set<String> families, Evaluation evaluation) {
		Taxonomy taxonomy = pass.taxonomy();
		this.out.println("Rules of " + Console.safe(pass.name()) + " (" + Console.safe(pass.file().getFileName())
				+ ") against " + evaluation.wires() + " labelled wires (" + Console.safe(arguments.labels().getFileName())
				+ "), code families " + String.join(", ", families) + ":");
		if (evaluation.missingWires() > 0) {
			this.out.println("(" + evaluation.missingWires() + " labelled wires are not in the input and were left out)");
		}
		this.out.println();
		this.out.println(String.format(Locale.ROOT, "%-6s %-46s %9s %7s %6s %5s %5s %5s", "code", "label", "precision",
				"recall", "F1", "TP", "FP", "FN"));
		for (Evaluation.CodeScore score : evaluation.scores()) {
			String label = taxonomy.code(score.code()).map(Taxonomy.Code::label).orElse("(not in the taxonomy)");
			this.out.println(String.format(Locale.ROOT, "%-6s %-46s %9.2f %7.2f %6.2f %5d %5d %5d",
					Console.safe(score.code()), Console.safe(label), score.precision(), score.recall(), score.f1(),
					score.truePositives(), score.falsePositives(), score.falseNegatives()));
		}
		Evaluation.CodeScore micro = evaluation.micro();
		this.out.println(String.format(Locale.ROOT, "%-53s %9.2f %7.2f %6.2f %5d %5d %5d", "micro average",
				micro.precision(), micro.recall(), micro.f1(), micro.truePositives(), micro.falsePositives(),
				micro.falseNegatives()));
		this.out.println(String.format(Locale.ROOT, "%-53s %9s %7s %6.2f", "macro F1", "", "", evaluation.macroF1()));
		this.out.println();
		this.out.println("Labelled code -> codes the rules gave those wires instead (wires):");
		for (Evaluation.CodeScore score : evaluation.scores()) {
			List<Map.Entry<String, Long>> instead = evaluation.confusedWith(score.code());
			if (!instead.isEmpty()) {
				this.out.println("  " + Console.safe(score.code()) + ": " + instead.stream().limit(4)
					.map(e -> Console.safe(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")));
			}
		}
	}

}
