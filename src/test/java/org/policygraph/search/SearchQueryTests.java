package org.policygraph.search;

import org.junit.jupiter.api.Test;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTests {

	@Test
	void aWordBecomesAQuotedPhrase() {
		assertThat(SearchQuery.lucene("多文化")).isEqualTo("\"多文化\"");
	}

	@Test
	void everyWordMustOccur() {
		assertThat(SearchQuery.lucene(" 多文化　共生 ")).isEqualTo("\"多文化\" AND \"共生\"");
	}

	@Test
	void luceneSyntaxIsKeptInsideThePhrasesAndQuotesAndBackslashesAreEscaped() {
		// words are folded (lower case), as the indexed search text is
		assertThat(SearchQuery.lucene("\"AND OR:(*")).isEqualTo("\"\\\"and\" AND \"or:(*\"");
		assertThat(SearchQuery.lucene("a\\ b~2 title:x")).isEqualTo("\"a\\\\\" AND \"b~2\" AND \"title:x\"");
	}

	@Test
	void eachWordIsFoldedAsTheIndexedSearchTextIs() {
		assertThat(SearchQuery.lucene("スマラク ＫＩＡ ｶﾀｶﾅ")).isEqualTo("\"すまらく\" AND \"kia\" AND \"かたかな\"");
		// a full-width quote becomes a quote, and is escaped like one
		assertThat(SearchQuery.lucene("＂多文化")).isEqualTo("\"\\\"多文化\"");
	}

	@Test
	void blankTextIsABadArgument() {
		assertThatThrownBy(() -> SearchQuery.lucene(" \t　")).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_ARGUMENT));
		assertThatThrownBy(() -> SearchQuery.lucene(null)).isInstanceOf(ApiException.class);
	}

	@Test
	void tooLongOrTooManyWordsIsABadArgument() {
		assertThatThrownBy(() -> SearchQuery.lucene("あ".repeat(101))).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.field()).isEqualTo("text"));
		assertThatThrownBy(() -> SearchQuery.lucene("a b c d e f g h i j k")).isInstanceOf(ApiException.class);
	}

}
