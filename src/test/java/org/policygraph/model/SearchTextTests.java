package org.policygraph.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void katakanaAndHiraganaFoldToTheSameText() {
		assertThat(SearchText.fold("スマラク")).isEqualTo(SearchText.fold("スマらく")).isEqualTo("すまらく");
		assertThat(SearchText.fold("ヴァヵヶヽヾ")).isEqualTo("ゔぁゕゖゝゞ");
	}

	@Test
	void fullWidthAndHalfWidthFoldToTheSameText() {
		assertThat(SearchText.fold("ＤＸ")).isEqualTo(SearchText.fold("DX")).isEqualTo("dx");
		assertThat(SearchText.fold("ｶﾀｶﾅ")).isEqualTo(SearchText.fold("カタカナ")).isEqualTo("かたかな");
		// a half-width voiced kana is two characters that NFKC joins into one
		assertThat(SearchText.fold("ﾒｶﾞﾘｰｼﾞｮﾝ")).isEqualTo(SearchText.fold("メガリージョン")).isEqualTo("めがりーじょん");
	}

	@Test
	void kanjiLongVowelMarksAndSpacesAreKept() {
		assertThat(SearchText.fold("国際 政策 課")).isEqualTo("国際 政策 課");
		assertThat(SearchText.fold("ー・")).isEqualTo("ー・");
		assertThat(SearchText.fold(null)).isNull();
	}

	@Test
	void aNodesSearchNameHoldsItsNamesAndAliasesAndItsSearchTextItsLongerTexts() {
		Map<String, Object> program = Map.of("name", "スマらく区役所サービスプロジェクト", "nameEn",
				"Sumaraku Ward Office Service Project", "summary", "行政手続きにかかる時間をできる限り短縮", "sourceId", "x-houshin-r7");
		Map<String, Object> properties = SearchText.properties(program, List.of("スマラク区役所サービスプロジェクト"));
		// the alias folds to the name, so it is held once
		assertThat(properties).containsEntry("searchName", "すまらく区役所さーびすぷろじぇくと\nsumaraku ward office service project")
			.containsEntry("searchText", "行政手続きにかかる時間をできる限り短縮");
	}

	@Test
	void aNodeWithoutTextsHasNoSearchText() {
		Map<String, Object> node = new HashMap<>();
		node.put("name", "総務課");
		node.put("summary", null);
		assertThat(SearchText.properties(node, List.of())).containsEntry("searchName", "総務課")
			.containsEntry("searchText", null);
	}

}
