package org.policygraph.model;

import java.util.regex.Pattern;

/**
 * Removes the spaces that PDF extraction puts inside Japanese names and texts
 * ({@code 国際 政策 課} → {@code 国際政策課}). A space is dropped when a Japanese character stands
 * on either side of it; spaces between Latin words ({@code Woman's CHOICE}) stay.
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

}
