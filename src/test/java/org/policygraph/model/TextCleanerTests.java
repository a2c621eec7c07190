package org.policygraph.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "国際 政策 課|国際政策課", "総務 課|総務課", "Woman Will 推進 室|Woman Will推進室", "すこやかな共 生社会構築事 業|すこやかな共生社会構築事業",
					"Woman's CHOICE推進事業|Woman's CHOICE推進事業", "DX・AI戦略室|DX・AI戦略室", "市民の「多 文化共生」 という言葉|市民の「多文化共生」という言葉" })
	void removesExtractionSpacesNextToJapaneseCharacters(String extracted, String clean) {
		assertThat(TextCleaner.clean(extracted)).isEqualTo(clean);
	}

}
