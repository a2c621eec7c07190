package org.policygraph.errors;

import java.util.Locale;

import org.springframework.util.unit.DataSize;

/**
 * How sizes are written in messages, so that every limit and every refusal names them the
 * same way.
 */
public final class Sizes {

	private Sizes() {
	}

	/**
	 * A size as people read it: {@code 20 MB}, {@code 0.5 MB}, {@code 94.3 MB} (1 MB
	 * being 1,048,576 bytes).
	 */
	public static String megabytes(long bytes) {
		long mb = DataSize.ofMegabytes(1).toBytes();
		if (bytes % mb == 0) {
			return String.format(Locale.ROOT, "%,d MB", bytes / mb);
		}
		return String.format(Locale.ROOT, "%,.1f MB", (double) bytes / mb);
	}

}
