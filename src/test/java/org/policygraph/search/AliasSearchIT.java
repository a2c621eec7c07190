package org.policygraph.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name the documents give a thing finds it (data/aliases.csv), and spellings that
 * differ only in kana or width find each other, in search and in the text filters. Seed
 * files are /work/shared/seeds: 000 = shin-vision-r8-programs, 002 = x-houshin-r7, 004 =
 * kitaq-dx-r6.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasSearchIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void searchingTheDocumentsKatakanaSpellingFindsTheSmarakuProgram() {
		// 002 line 377 「(1)スマラク区役所サービスプロジェクト」; 000 line 15 names it スマらく区役所サービスプロジェクト
		assertThat(searchIds("スマラク")).contains("prog-smaraku");
		assertThat(programIds("スマラク")).containsExactly("prog-smaraku");
	}

	@Test
	void theSmarakuProgramKeepsItsNameAndListsTheAliasWithItsSource() {
		GraphQlTester.Response response = aliases("prog-smaraku");
		// 000 line 15: スマらく区役所サービスプロジェクト
		response.path("node.name").entity(String.class).isEqualTo("スマらく区役所サービスプロジェクト");
		// 002 line 377, under 課題B（6） (line 357) ⑤ (line 375)
		response.path("node.aliases").entityList(Map.class).hasSize(1);
		response.path("node.aliases[0].name").entity(String.class).isEqualTo("スマラク区役所サービスプロジェクト");
		response.path("node.aliases[0].source.sourceId").entity(String.class).isEqualTo("x-houshin-r7");
		response.path("node.aliases[0].source.section").entity(String.class).isEqualTo("4 課題/課題B（6）⑤取組内容(1)");
	}

	@Test
	void anAbbreviationTheDocumentDefinesFindsThePartnerBody() {
		// 002 line 270 「北九州国際交流協会(以下、KIA)」
		assertThat(searchIds("KIA")).contains("pb-kitaq-international-association");
		aliases("pb-kitaq-international-association").path("node.aliases[*].name")
			.entityList(String.class)
			.containsExactly("KIA");
	}

	@Test
	void hiraganaFindsAKatakanaName() {
		// 000 line 6: メガリージョン推進事業 (no alias involved)
		assertThat(searchIds("めがりーじょん")).contains("prog-megaregion");
		assertThat(programIds("めがりーじょん")).containsExactly("prog-megaregion");
	}

	@Test
	void halfWidthKatakanaFindsTheFullWidthName() {
		// 000 line 6: メガリージョン推進事業, typed as ﾒｶﾞﾘｰｼﾞｮﾝ
		assertThat(searchIds("ﾒｶﾞﾘｰｼﾞｮﾝ")).contains("prog-megaregion");
		assertThat(programIds("ﾒｶﾞﾘｰｼﾞｮﾝ")).containsExactly("prog-megaregion");
	}

	@Test
	void fullWidthLettersFindHalfWidthOnes() {
		// 002 line 270 KIA, typed as ＫＩＡ; 004 line 436 「PoliPoli Gov上で募集した意見件数」; 002 line
		// 79
		// 「課題A（1）AI・RPA・ローコードツール等による業務効率化の拡大」
		assertThat(searchIds("ＫＩＡ")).contains("pb-kitaq-international-association");
		assertThat(this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("text", "ＰｏｌｉＰｏｌｉ"))
			.variable("first", 100)
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.get()).contains("kpi-dx-busters-opinions");
		assertThat(this.graphQl.documentName("issue-page")
			.variable("where", Map.of("text", "ＡＩ・ＲＰＡ"))
			.variable("first", 100)
			.execute()
			.path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.get()).contains("issue-r7-a1");
	}

	@Test
	void theIndicatorFilterFindsAnIndicatorByItsAlias() {
		// 004 line 147 「窓口職員の作業時間削減 50%以上」 names kpi-counter-staff-hours
		// (集約する窓口業務に従事している職員の作業時間の削減)
		assertThat(this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("text", "窓口職員の作業時間削減"))
			.variable("first", 100)
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.get()).contains("kpi-counter-staff-hours");
	}

	private List<String> searchIds(String text) {
		return this.graphQl.documentName("search-text")
			.variable("text", text)
			.variable("first", 50)
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
	}

	private List<String> programIds(String text) {
		return this.graphQl.documentName("program-page")
			.variable("where", Map.of("text", text))
			.variable("first", 100)
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private GraphQlTester.Response aliases(String id) {
		return this.graphQl.documentName("node-aliases").variable("id", id).execute();
	}

}
