package org.wirereclassifier;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.wirereclassifier.cli.WireReclassifierCommandLine;

/**
 * wire-reclassifier: bulk classification passes over an archive of AI-incident wires. The command line decides
 * what to do (and checks the configuration) before a Spring context is started for a run.
 */
@SpringBootApplication
public class WireReclassifierApplication {

	public static void main(String[] args) {
		// System.exit, so that the exit status tells the operator how the run went
		System.exit(new WireReclassifierCommandLine(System.out, System.err).execute(args));
	}

}
