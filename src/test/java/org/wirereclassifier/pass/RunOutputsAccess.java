package org.wirereclassifier.pass;

import java.nio.file.Path;

/** {@link RunOutputs} for tests in other packages. */
public final class RunOutputsAccess {

	private RunOutputsAccess() {
	}

	public static void assertSame(Path actual, Path expected) throws Exception {
		RunOutputs.assertSame(actual, expected);
	}

}
