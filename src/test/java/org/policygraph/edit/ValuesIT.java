package org.policygraph.edit;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Actuals and budgets over time: a correction supersedes the earlier figure and keeps it,
 * readable in history and in as-of reads. Figures from the dataset: kpi-tabunka-awareness
 * (59.5% baseline R5, data/observations.csv) and prog-megaregion's R8 budget 13,039千円
 * (data/budgets.csv).
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuesIT {

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section",
			"Ⅱ/No.7 すこやかな共生社会構築事業/KPI①");

	@Autowired
	HttpGraphQlTester anonymous;

	HttpGraphQlTester editor;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.editor = this.anonymous.mutate()
			.header("Authorization", "Bearer " + TestTokens.editor("officer-sato"))
			.build();
	}

	@Test
	void anActualRecordedThenCorrectedKeepsTheFirstValueInHistoryAndInAsOfReads() {
		GraphQlTester.Response first = record("kpi-tabunka-awareness", "ACTUAL", 2025, "61.2%");
		first.path("recordObservation.observation.periodText").entity(String.class).isEqualTo("R7");
		first.path("recordObservation.observation.value").entity(Double.class).isEqualTo(61.2);
		first.path("recordObservation.superseded").entityList(Object.class).hasSize(0);
		String betweenTheTwo = Instant.now().toString();

		GraphQlTester.Response corrected = record("kpi-tabunka-awareness", "ACTUAL", 2025, "61.8%");
		corrected.path("recordObservation.observation.value").entity(Double.class).isEqualTo(61.8);
		corrected.path("recordObservation.superseded[0].value").entity(Double.class).isEqualTo(61.2);

		// ordinary reads see only the correction
		this.anonymous.documentName("kpi-observations-as-of")
			.variable("id", "kpi-tabunka-awareness")
			.execute()
			.path("node.observations[?(@.fiscalYear == 2025)].value")
			.entityList(Double.class)
			.containsExactly(61.8);
		// as of a moment between the two, the first value, as it then stood
		this.anonymous.documentName("kpi-observations-as-of")
			.variable("id", "kpi-tabunka-awareness")
			.variable("asOf", betweenTheTwo)
			.execute()
			.path("node.observations[?(@.fiscalYear == 2025)].value")
			.entityList(Double.class)
			.containsExactly(61.2);
		// before either, the documents' figures only: R5 baseline 59.5%
		this.anonymous.documentName("kpi-observations-as-of")
			.variable("id", "kpi-tabunka-awareness")
			.variable("asOf", "2026-01-01")
			.execute()
			.path("node.observations[*].fiscalYear")
			.entityList(Integer.class)
			.doesNotContain(2025)
			.contains(2023);

		// who made a change is shown to editors only (history/HistoryVisibilityIT)
		GraphQlTester.Response history = this.editor.documentName("history")
			.variable("id", "kpi-tabunka-awareness")
			.execute();
		history.path("history[0].action").entity(String.class).isEqualTo("UPDATED");
		history.path("history[0].fields[?(@.field == 'value')].before")
			.entityList(String.class)
			.containsExactly("61.2");
		history.path("history[0].fields[?(@.field == 'value')].after").entityList(String.class).containsExactly("61.8");
		history.path("history[0].change.actor").entity(String.class).isEqualTo("officer-sato@" + TestTokens.ISSUER);
		history.path("history[1].action").entity(String.class).isEqualTo("CREATED");
	}

	@Test
	void anActualForAYearThatHasNotBegunIsRefused() {
		this.editor.documentName("record-observation")
			.variable("input",
					Map.of("kpiId", "kpi-tabunka-awareness", "kind", "ACTUAL", "fiscalYear", 2031, "figure", "70%",
							"source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "BAD_VALUE".equals(error.getExtensions().get("code"))
					&& "input.fiscalYear".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aFigureInAnotherKindOfUnitThanTheIndicatorsIsRefused() {
		// kpi-tabunka-awareness is a share (%); 500千人 counts people
		this.editor.documentName("record-observation")
			.variable("input",
					Map.of("kpiId", "kpi-tabunka-awareness", "kind", "ACTUAL", "fiscalYear", 2024, "figure", "500千人",
							"source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "BAD_VALUE".equals(error.getExtensions().get("code"))
					&& "input.figure".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aNewBudgetAmountSupersedesTheDocumentsAndTheOldOneStaysReadableAsOfBefore() {
		String before = Instant.now().toString();
		GraphQlTester.Response set = this.editor.documentName("set-budget")
			.variable("input",
					Map.of("programId", "prog-megaregion", "fiscalYear", 2026, "amount", "14,500千円", "source",
							Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1 補正")))
			.execute();
		set.path("setBudget.budget.amountYen").entity(Long.class).isEqualTo(14_500_000L);
		set.path("setBudget.superseded.amountYen").entity(Long.class).isEqualTo(13_039_000L);

		this.anonymous.documentName("program-budgets-as-of")
			.variable("id", "prog-megaregion")
			.execute()
			.path("node.budgets[*].amountYen")
			.entityList(Long.class)
			.containsExactly(14_500_000L);
		this.anonymous.documentName("program-budgets-as-of")
			.variable("id", "prog-megaregion")
			.variable("asOf", before)
			.execute()
			.path("node.budgets[*].text")
			.entityList(String.class)
			.containsExactly("13,039千円");
	}

	@Test
	void anAsOfThatIsNotADateIsABadArgument() {
		this.anonymous.documentName("program-budgets-as-of")
			.variable("id", "prog-megaregion")
			.variable("asOf", "yesterday")
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code")))
			.verify();
	}

	GraphQlTester.Response record(String kpiId, String kind, int fiscalYear, String figure) {
		GraphQlTester.Response response = this.editor.documentName("record-observation")
			.variable("input",
					Map.of("kpiId", kpiId, "kind", kind, "fiscalYear", fiscalYear, "figure", figure, "source", SOURCE))
			.execute();
		response.errors().verify();
		return response;
	}

}
