package org.wirereclassifier.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in the test's JVM, as an operator would, and keeps what it printed. */
final class TestCommandLine {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/** Runs a command (without forcing files to disk: tests need no durability); returns its exit status. */
	int execute(String... args) {
		this.out.reset();
		this.err.reset();
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--wire-reclassifier.sync=false");
		return new WireReclassifierCommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.execute(all.toArray(String[]::new));
	}

	String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	/** Everything printed, standard output first. */
	String printed() {
		return out() + err();
	}

}
