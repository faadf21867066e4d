package org.wirereclassifier.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, run as a process: dumps a page's DOM after its scripts ran, or takes a screenshot. Offline
 * and quiet (no sync, updates or background traffic), each run with a fresh profile. Chromium must be installed
 * at {@code /usr/bin/chromium}: {@code .ci/install-chromium} installs it.
 */
final class Chromium {

	/** {@code /usr/bin/chromium}, or another with {@code -Dchromium.binary=…}. */
	static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	/** What Chromium printed: the DOM (for a dump) and its log, where console messages appear. */
	record Output(String stdout, String stderr) {

		/** Log lines that report a script error, a console error or a blocked resource. */
		List<String> errors() {
			return this.stderr.lines()
				.filter(line -> line.contains("CONSOLE") || line.contains("Uncaught")
						|| line.contains("Refused to") || line.contains("Content Security Policy"))
				.toList();
		}

	}

	private Chromium() {
	}

	/** Fails (never skips) when Chromium is missing, saying how to install it. */
	static void requireInstalled() {
		if (!Files.isExecutable(BINARY)) {
			throw new AssertionError("Chromium is not installed at " + BINARY
					+ ": run .ci/install-chromium (as root) to install it, then run the tests again");
		}
	}

	/**
	 * The page's DOM after its scripts ran, opened with {@code fragment} (e.g. {@code #filter=F1}, or null).
	 * {@code dir} receives a fresh profile and Chromium's output.
	 */
	static Output dumpDom(Path page, String fragment, Path dir) {
		return run(dir, List.of("--dump-dom", page.toUri() + (fragment == null ? "" : fragment)));
	}

	static Output screenshot(Path page, Path png, int width, int height, Path dir) {
		return run(dir, List.of("--hide-scrollbars", "--force-device-scale-factor=1",
				"--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
	}

	private static Output run(Path dir, List<String> arguments) {
		requireInstalled();
		Path profile;
		Path stdout;
		Path stderr;
		try {
			Files.createDirectories(dir);
			profile = Files.createTempDirectory(dir, "profile");
			stdout = Files.createTempFile(dir, "chromium", ".out");
			stderr = Files.createTempFile(dir, "chromium", ".err");
		}
		catch (IOException ex) {
			throw new AssertionError("cannot prepare " + dir + " for Chromium: " + ex.getMessage(), ex);
		}
		List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-quic", "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0"));
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("Chromium did not finish within 90 s: " + command);
			}
			Output output = new Output(Files.readString(stdout, StandardCharsets.UTF_8),
					Files.readString(stderr, StandardCharsets.UTF_8));
			if (process.exitValue() != 0) {
				throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + output.stderr());
			}
			return output;
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run " + BINARY + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while Chromium ran", ex);
		}
	}

}
