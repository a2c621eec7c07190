package org.policygraph.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Removes the spaces that PDF extraction puts inside Japanese names and texts
 * ({@code 国際 政策 課} → {@code 国際政策課}). A space is dropped when a Japanese character stands
 * on either side of it; spaces between Latin words ({@code Woman's CHOICE}) stay. Bytes
 * that reach the service as text (an uploaded CSV file, a request body) are read as
 * strict UTF-8 ({@link #utf8}).
 */
public final class TextCleaner {

	private static final String JAPANESE = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー・「」『』（）、。：！？“”〜～％";

	private static final Pattern SPACE_NEXT_TO_JAPANESE = Pattern
		.compile("(?<=[" + JAPANESE + "])[ \\u3000]+|[ \\u3000]+(?=[" + JAPANESE + "])");

	private TextCleaner() {
	}

	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		return SPACE_NEXT_TO_JAPANESE.matcher(text.strip()).replaceAll("");
	}

	/**
	 * The bytes as UTF-8 text, or null when they are not UTF-8: a malformed or unmappable
	 * sequence is refused rather than replaced by U+FFFD.
	 */
	public static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
