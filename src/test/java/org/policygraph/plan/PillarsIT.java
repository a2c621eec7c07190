package org.policygraph.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PillarsIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void pillarsWithoutAPlanAreTheNewVisionsThreePillarsInDocumentOrder() {
		// 000: Ⅰ「稼げるまち」の実現, Ⅱ「彩りあるまち」の実現, Ⅲ「安らぐまち」の実現
		this.graphQl.documentName("pillars")
			.execute()
			.path("pillars[*].name")
			.entityList(String.class)
			.containsExactly("稼げるまち", "彩りあるまち", "安らぐまち")
			.path("pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅰ", "Ⅱ", "Ⅲ")
			.path("pillars[0].plan.id")
			.entity(String.class)
			.isEqualTo("plan-shin-vision");
	}

	@Test
	void eachPillarListsItsMeasuresInDocumentOrder() {
		// 000: Ⅲ has one measure; Ⅱ has three, the first being DXによる市民サービス向上
		this.graphQl.documentName("pillars")
			.execute()
			.path("pillars[2].measures[*].name")
			.entityList(String.class)
			.containsExactly("外国人との共生社会の実現に向けた環境整備")
			.path("pillars[1].measures[0].name")
			.entity(String.class)
			.isEqualTo("DXによる市民サービス向上")
			.path("pillars[1].measures")
			.entityList(Object.class)
			.hasSize(3);
	}

	@Test
	void theEarlierStrategysBasicGoalsKeepTheirOwnNumbering() {
		// 001: 基本目標 Ⅰ, Ⅱ and Ⅳ (the document has no Ⅲ)
		this.graphQl.documentName("pillars")
			.variable("planId", "plan-sousei")
			.execute()
			.path("pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅰ", "Ⅱ", "Ⅳ");
	}

	@Test
	void plansListEveryPlanWithItsPillars() {
		this.graphQl.documentName("plans")
			.execute()
			.path("plans[*].id")
			.entityList(String.class)
			.contains("plan-shin-vision", "plan-sousei", "plan-dx", "plan-xhoushin-r6", "plan-xhoushin-r7")
			.path("plans[?(@.id == 'plan-dx')].pillars[*]")
			.entityList(Object.class)
			.hasSize(12);
	}

	@Test
	void anUnknownPlanIsANotFoundErrorWithAStableCode() {
		this.graphQl.documentName("pillars")
			.variable("planId", "plan-nowhere")
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("plan-nowhere"))
			.verify();
	}

	@Test
	void readsRunInReadTransactions() {
		RecordingDriver.clear();
		this.graphQl.documentName("plans").execute().path("plans").hasValue();
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

}
