package org.policygraph.model;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way text is made comparable for search: what is stored in a node's
 * {@code searchName} and {@code searchText} properties (at import and at every edit) and
 * what a query's words become, so that spellings the documents mix find each other. The
 * displayed properties keep the document's spelling. Neo4j's analyzers fold case and
 * width (the CJK analyzer) but not hiragana and katakana: スマラク and スマらく are different
 * words to them, hence these properties.
 */
public final class SearchText {

	/**
	 * The labels whose nodes carry search text: the ones the full-text index covers, the
	 * node types a target_type may name (milestones among them).
	 */
	public static final List<String> LABELS = List.copyOf(Catalogue.TARGET_LABELS.keySet());

	/**
	 * The derived properties this class writes: never exported, never shown as a change.
	 */
	public static final List<String> PROPERTIES = List.of("searchName", "searchText");

	/** The properties a node is named by; its aliases join them in {@code searchName}. */
	static final List<String> NAME_PROPERTIES = List.of("name", "title", "nameEn", "titleEn");

	/** The longer texts, in {@code searchText}. */
	static final List<String> TEXT_PROPERTIES = List.of("summary", "content", "background", "outcome", "method",
			"text");

	private SearchText() {
	}

	/**
	 * NFKC (full-width ＤＸ is DX, half-width ｶﾀｶﾅ is カタカナ, ｶﾞ is ガ), then katakana as
	 * hiragana (カタカナ is かたかな), then lower case; null stays null.
	 */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			out.append(hiragana(normalized.charAt(i)));
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * The search properties of a node with these properties and aliases: each folded, one
	 * per line; null when the node has none (so the property is removed).
	 */
	public static Map<String, Object> properties(Map<String, Object> node, Collection<String> aliases) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("searchName", joined(Stream.concat(NAME_PROPERTIES.stream().map(node::get),
				aliases.stream().sorted().map(a -> (Object) a))));
		properties.put("searchText", joined(TEXT_PROPERTIES.stream().map(node::get)));
		return properties;
	}

	private static String joined(Stream<Object> values) {
		String joined = values.filter(Objects::nonNull)
			.map(Object::toString)
			.filter(value -> !value.isBlank())
			.map(SearchText::fold)
			.distinct()
			.collect(Collectors.joining("\n"));
		return joined.isEmpty() ? null : joined;
	}

	/**
	 * ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ are their hiragana 0x60 lower; ー
	 * and katakana without a hiragana form (ヷ…ヺ) stay.
	 */
	private static char hiragana(char c) {
		if ((c >= '\u30A1' && c <= '\u30F6') || c == '\u30FD' || c == '\u30FE') {
			return (char) (c - 0x60);
		}
		return c;
	}

}
