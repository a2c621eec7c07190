package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of a persisted document: the SHA-256 of its text (UTF-8), in lower-case
 * hexadecimal.
 */
final class DocumentHash {

	private DocumentHash() {
	}

	static String of(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform has SHA-256
			throw new IllegalStateException(ex);
		}
	}

	/** 64 hexadecimal digits, in either case. */
	static boolean isHash(Object value) {
		if (!(value instanceof String text) || text.length() != 64) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	static String normalized(String hash) {
		return hash.toLowerCase(Locale.ROOT);
	}

}
