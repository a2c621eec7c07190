package org.policygraph.search;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.model.SearchText;

/**
 * Turns what a user typed into a Lucene query for the {@code policy_text} index, so that
 * no input is read as Lucene syntax. The text is split into words at white space
 * (including the ideographic space U+3000); each word becomes a quoted phrase, in which
 * only {@code "} and {@code \} are special and both are escaped, so {@code AND},
 * {@code OR}, {@code :}, {@code (}, {@code *}, {@code ~} … are just characters of a word.
 * Every word must occur (the phrases are joined with AND), each in any of the indexed
 * fields. The CJK analyzer splits a phrase into overlapping character pairs, so a phrase
 * matches where its characters occur in that order, as a part of a longer word too (多文化
 * finds 多文化共生). Each word is folded as the indexed {@code searchName} and
 * {@code searchText} are ({@link SearchText}), so kana and width variants and the aliases
 * a document gives find the node (スマラク finds スマらく区役所サービスプロジェクト). A single kanji or kana
 * is one token that the index holds only where that character stands alone, so
 * one-character words rarely match inside longer words.
 */
final class SearchQuery {

	/**
	 * Enough for any real query, and far below Lucene's limit on clauses (words × indexed
	 * fields × pairs).
	 */
	static final int MAX_LENGTH = 100;

	static final int MAX_WORDS = 10;

	private SearchQuery() {
	}

	/**
	 * The Lucene query for the text; a blank, too long or too many-worded text is
	 * refused.
	 */
	static String lucene(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT, "text must contain a word to search for", "text");
		}
		if (text.strip().length() > MAX_LENGTH) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT,
					"text must be at most " + MAX_LENGTH + " characters, was " + text.strip().length(), "text");
		}
		if (words.size() > MAX_WORDS) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT,
					"text must have at most " + MAX_WORDS + " words, had " + words.size(), "text");
		}
		return words.stream().map(SearchText::fold).map(SearchQuery::phrase).collect(Collectors.joining(" AND "));
	}

	private static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\p{javaWhitespace}\\p{Z}]+")).filter(word -> !word.isEmpty()).toList();
	}

	private static String phrase(String word) {
		return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
