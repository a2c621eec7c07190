package org.policygraph.search;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeAndSearchIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void nodeAnswersAPlanAsAPlan() {
		node("plan-xhoushin-r7").path("node.__typename")
			.entity(String.class)
			.isEqualTo("Plan")
			.path("node.kind")
			.entity(String.class)
			.isEqualTo("BUREAU_POLICY");
	}

	@Test
	void nodeAnswersAPillarWithItsPlan() {
		// 000: Ⅰ「稼げるまち」の実現
		node("pil-sv-1").path("node.__typename")
			.entity(String.class)
			.isEqualTo("Pillar")
			.path("node.name")
			.entity(String.class)
			.isEqualTo("稼げるまち")
			.path("node.plan.id")
			.entity(String.class)
			.isEqualTo("plan-shin-vision");
	}

	@Test
	void nodeAnswersAMeasureAProgramAndAPolicyIssueAsThemselves() {
		// 000: 若者のチャレンジ支援 / 2 / シン・ジダイ創造事業（若者のチャレンジ応援）
		node("ms-sv-youth-challenge").path("node.__typename")
			.entity(String.class)
			.isEqualTo("Measure")
			.path("node.name")
			.entity(String.class)
			.isEqualTo("若者のチャレンジ支援");
		node("prog-shin-jidai").path("node.__typename")
			.entity(String.class)
			.isEqualTo("Program")
			.path("node.name")
			.entity(String.class)
			.isEqualTo("シン・ジダイ創造事業（若者のチャレンジ応援）");
		// 002: 課題B（４）政策連携団体（北九州国際交流協会）の在り方
		node("issue-r7-b4").path("node.__typename")
			.entity(String.class)
			.isEqualTo("PolicyIssue")
			.path("node.area")
			.entity(String.class)
			.isEqualTo("B")
			.path("node.number")
			.entity(Integer.class)
			.isEqualTo(4);
	}

	@Test
	void nodeAnswersAnIndicatorAndAPartnerBodyAsThemselves() {
		// 000: 市民の「多文化共生」という言葉の認知度; 002: 政策連携団体 … 北九州国際交流協会
		node("kpi-tabunka-awareness").path("node.__typename")
			.entity(String.class)
			.isEqualTo("Kpi")
			.path("node.name")
			.entity(String.class)
			.isEqualTo("市民の「多文化共生」という言葉の認知度");
		node("pb-kitaq-international-association").path("node.__typename")
			.entity(String.class)
			.isEqualTo("PartnerBody");
		node("org-kokusai-seisaku-ka").path("node.__typename").entity(String.class).isEqualTo("Organization");
	}

	@Test
	void nodeIsNullForAnUnknownId() {
		node("nothing-has-this-key").path("node").valueIsNull();
	}

	@Test
	void searchingAPartOfAJapaneseWordFindsTheMulticulturalProgramAndIndicator() {
		// 000 No.7 すこやかな共生社会構築事業: 北九州国際交流協会に「（仮）多文化地域コーディネーター」を配置;
		// KPI 市民の「多文化共生」という言葉の認知度
		GraphQlTester.Response response = search("多文化", 50);
		assertThat(response.path("search[*].node.name").entityList(String.class).get()).contains("すこやかな共生社会構築事業",
				"市民の「多文化共生」という言葉の認知度");
		assertThat(response.path("search[*].node.id").entityList(String.class).get()).doesNotContain("prog-shin-jidai");
	}

	@Test
	void searchingYoungPeopleFindsTheYouthProgramAndMeasure() {
		// 000: 若者のチャレンジ支援 / シン・ジダイ創造事業（若者のチャレンジ応援）
		search("若者", 20).path("search[*].node.name")
			.entityList(String.class)
			.contains("シン・ジダイ創造事業（若者のチャレンジ応援）", "若者のチャレンジ支援");
	}

	@Test
	void searchFindsPolicyIssuesByTheirSummary() {
		// 003 (課題B（4）): 国際交流、国際ビジネス、多文化共生などの取組について、組織横断的な検討・整理
		search("多文化", 50).path("search[*].node.id").entityList(String.class).contains("issue-r6-b4");
	}

	@Test
	void hitsComeBestFirstAndNoMoreThanAsked() {
		List<Double> scores = search("多文化", 3).path("search[*].score").entityList(Double.class).get();
		assertThat(scores).hasSizeLessThanOrEqualTo(3).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void everyWordMustOccur() {
		// 000: すこやかな共生社会構築事業 summary names both 多文化 and 北九州国際交流協会
		search("多文化 北九州国際交流協会", 50).path("search[*].node.id")
			.entityList(String.class)
			.contains("prog-sukoyaka-kyosei")
			.doesNotContain("kpi-tabunka-awareness");
	}

	@Test
	void luceneSyntaxInTheTextIsSearchedForAsPlainCharacters() {
		for (String text : List.of("\"AND OR:(*", "*", "title:多文化", "多文化~ OR", "[a TO z]", "\\", "(((", "AND",
				"!-+&&||^{}?/")) {
			search(text, 20).path("search").entityList(Object.class).satisfies(hits -> assertThat(hits).isNotNull());
		}
		search("\"多文化\"", 50).path("search[*].node.id").entityList(String.class).contains("prog-sukoyaka-kyosei");
	}

	@Test
	void blankTextAndAFirstOutsideOneToAHundredAreBadArguments() {
		expectBadArgument(" ", null, "text");
		expectBadArgument("多文化", 0, "first");
		expectBadArgument("多文化", 101, "first");
	}

	private GraphQlTester.Response node(String id) {
		return this.graphQl.documentName("search-node").variable("id", id).execute();
	}

	private GraphQlTester.Response search(String text, Integer first) {
		return this.graphQl.documentName("search-text").variable("text", text).variable("first", first).execute();
	}

	private void expectBadArgument(String text, Integer first, String field) {
		this.graphQl.documentName("search-text")
			.variable("text", text)
			.variable("first", first)
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& field.equals(error.getExtensions().get("field")))
			.verify();
	}

}
