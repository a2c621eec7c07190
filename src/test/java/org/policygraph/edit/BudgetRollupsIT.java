package org.policygraph.edit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.importing.DatasetExporter;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.plan.Serves;
import org.policygraph.program.BudgetRollups;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget totals kept on plans, pillars and organizations ({@link BudgetRollups}) are
 * what the aggregation over their programs gives, for every root and year, after the
 * packaged dataset's import and after each kind of write; a write that is rolled back
 * leaves them as they were; a store without them gets them at a start and is answered
 * right before. The aggregation here is the statement the service ran at every request
 * before the totals were kept.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetRollupsIT {

	static final Map<String, Object> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	/** The aggregation per root label: the programs of a root {@code k.id}, summed. */
	static final Map<String, String> AGGREGATION = Map.of("Plan",
			aggregation(Serves.expand("MATCH (p:Program)${programToPlan}(:Plan {key: k.id})")), "Pillar",
			aggregation(Serves.expand("MATCH (p:Program)${programToPillar}(:Pillar {key: k.id})")), "Organization",
			aggregation("MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(:Organization {key: k.id})"));

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	Driver driver;

	@Autowired
	Retirements retirements;

	HttpGraphQlTester editor;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.editor = this.anonymous.mutate()
			.header("Authorization", "Bearer " + TestTokens.editor("officer-sato"))
			.build();
	}

	private static String aggregation(String programsOfKey) {
		return """
				UNWIND $keys AS k
				%s
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen"""
			.formatted(programsOfKey);
	}

	// first: the writes of the other tests change the totals (each of them checks the
	// totals against the aggregation whatever ran before it)
	@Test
	@Order(1)
	void thePackagedDatasetsTotalsAreTheAggregationForEveryRootAndYear() {
		Map<String, Long> kept = keptTotals();
		assertThat(kept).as("the eight R8 budgets reach plans, pillars and organizations").isNotEmpty();
		assertThat(kept).containsEntry("Plan plan-shin-vision 2026", 1_746_509_000L);
		assertKeptIsTheAggregation();
		assertAnswersAreTheAggregation();
	}

	@Test
	void aNewBudgetAndAChangedOneAreCounted() {
		setBudget("prog-megaregion", 2025, "1,000千円");
		setBudget("prog-megaregion", 2026, "14,500千円");
		assertThat(keptTotals()).containsKey("Pillar pil-sv-1 2025");
		assertKeptIsTheAggregation();
	}

	@Test
	void aProgramListedUnderASecondMeasureCountsOnceAndLeavesWithItsLink() {
		Map<String, Long> before = keptTotals();
		Map<String, Object> second = link("PROGRAM_MEASURE", "prog-sukoyaka-kyosei", "ms-sv-megaregion");
		mutate("link", second);
		Map<String, Long> listed = keptTotals();
		assertKeptIsTheAggregation();
		// in pillar Ⅰ now, still once in the plan
		assertThat(listed.get("Pillar pil-sv-1 2026")).isGreaterThan(before.get("Pillar pil-sv-1 2026"));
		assertThat(listed.get("Plan plan-shin-vision 2026")).isEqualTo(before.get("Plan plan-shin-vision 2026"));
		// and in another plan, through a parent measure
		mutate("link", link("PROGRAM_MEASURE", "prog-sukoyaka-kyosei", "ms-sousei-4-4"));
		assertKeptIsTheAggregation();
		mutate("unlink", unlink("PROGRAM_MEASURE", "prog-sukoyaka-kyosei", "ms-sv-megaregion"));
		mutate("unlink", unlink("PROGRAM_MEASURE", "prog-sukoyaka-kyosei", "ms-sousei-4-4"));
		assertKeptIsTheAggregation();
		assertThat(keptTotals()).isEqualTo(before);
	}

	@Test
	void aRetiredProgramAndARetiredMeasureLeaveTheirRootsTotals() {
		mutate("retire", retire("prog-smaraku", null));
		assertKeptIsTheAggregation();
		mutate("retire", retire("ms-sv-women-career", null));
		assertKeptIsTheAggregation();
		assertAnswersAreTheAggregation();
	}

	@Test
	void aScheduledRetirementAppliedLeavesTheRootsTotals() {
		LocalDate on = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(10);
		mutate("retire", retire("prog-overseas-promotion", on.toString()));
		Map<String, Long> scheduled = keptTotals();
		assertKeptIsTheAggregation();
		mutate("unlink", unlinkOn("PROGRAM_ORGANIZATION", "prog-next-gen-digital", runBy("prog-next-gen-digital"),
				on.toString()));
		assertThat(this.retirements.apply(on)).isEqualTo(2);
		assertThat(keptTotals()).isNotEqualTo(scheduled);
		assertKeptIsTheAggregation();
	}

	@Test
	void rowsUpsertedThroughTheImportAddAProgramWithItsBudget() {
		upsertRows("programs", List.of(List.of(cell("program_key", "prog-test-rollup"), cell("name", "集計確認事業"),
				cell("source_id", "shin-vision-r8-programs"), cell("section", "Ⅰ/No.1"))));
		upsertRows("program_measures",
				List.of(List.of(cell("program_key", "prog-test-rollup"), cell("measure_key", "ms-sousei-4-4"),
						cell("number", "99"), cell("reposted", "false"), cell("source_id", "shin-vision-r8-programs"),
						cell("section", "Ⅰ/No.1"))));
		upsertRows("program_organizations",
				List.of(List.of(cell("program_key", "prog-test-rollup"), cell("org_key", "org-womanwill"),
						cell("source_id", "shin-vision-r8-programs"), cell("section", "Ⅰ/No.1"))));
		upsertRows("budgets", List.of(List.of(cell("program_key", "prog-test-rollup"), cell("period", "R9"),
				cell("figure", "2,000千円"), cell("source_id", "shin-vision-r8-programs"), cell("section", "Ⅰ/No.1"))));
		assertThat(keptTotals()).containsEntry("Plan plan-sousei 2027", 2_000_000L)
			.containsEntry("Organization org-womanwill 2027", 2_000_000L);
		assertKeptIsTheAggregation();
		assertAnswersAreTheAggregation();
	}

	@Test
	void anOrganizationMovedToAnotherParentTakesItsProgramsAlong() {
		Map<String, Long> before = keptTotals();
		mutate("unlink", unlink("ORGANIZATION_PARENT", "org-womanwill", "org-seisaku-kyoku"));
		assertKeptIsTheAggregation();
		mutate("link", link("ORGANIZATION_PARENT", "org-womanwill", "org-somu-bu"));
		assertKeptIsTheAggregation();
		assertThat(keptTotals()).isNotEqualTo(before);
		assertAnswersAreTheAggregation();
	}

	@Test
	void aWriteRolledBackLeavesTheTotalsAsTheyWere() {
		Map<String, Long> before = keptTotals();
		// a dry run writes, keeps the totals, and rolls back
		this.editor.documentName("upsert-rows")
			.variable("input",
					Map.of("table", "budgets", "rows",
							List.of(List.of(cell("program_key", "prog-megaregion"), cell("period", "R10"),
									cell("figure", "9,000千円"), cell("source_id", "shin-vision-r8-programs"),
									cell("section", "Ⅰ/No.1"))),
							"dryRun", true))
			.execute()
			.path("upsertRows.dryRun")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(keptTotals()).isEqualTo(before);
		// a cycle is seen once the rows are written, and the import is refused whole
		this.editor.documentName("upsert-rows")
			.variable("input",
					Map.of("table", "organization_parents", "rows",
							List.of(List.of(cell("org_key", "org-seisaku-kyoku"), cell("parent_org_key", "org-somu-bu"),
									cell("source_id", "x-houshin-r7"), cell("section", "2")))))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		assertThat(keptTotals()).isEqualTo(before);
		assertKeptIsTheAggregation();
	}

	@Test
	void aStoreWithoutTotalsIsAnsweredByTheAggregationAndGetsThemAtAStart() {
		Map<String, Long> kept = keptTotals();
		this.driver.executableQuery("MATCH (r) REMOVE r.budgetRollupYears, r.budgetRollupYen, r.budgetRollupVersion")
			.execute();
		assertThat(keptTotals()).isEmpty();
		assertAnswersAreTheAggregation();
		// one root kept by an earlier version
		try (var session = this.driver.session()) {
			int computed = session.executeWrite(BudgetRollups::computeOutdated);
			assertThat(computed).isEqualTo(count("MATCH (r) WHERE r:Plan OR r:Pillar OR r:Organization"));
			assertThat(session.executeWrite(BudgetRollups::computeOutdated)).as("a second start finds nothing to do")
				.isZero();
			this.driver.executableQuery("MATCH (r:Pillar {key: 'pil-sv-1'}) SET r.budgetRollupVersion = 0").execute();
			assertThat(session.executeWrite(BudgetRollups::computeOutdated)).isOne();
		}
		assertThat(keptTotals()).isEqualTo(kept);
		assertKeptIsTheAggregation();
	}

	@Test
	void aRootWithABudgetWrittenByHandThatCannotBeSummedKeepsNoTotalsAndAStartStillSucceeds() {
		// data the service never writes: an amount in words, under pillar Ⅰ
		this.driver.executableQuery(
				"""
						MATCH (p:Program {key: 'prog-shin-jidai'})
						CREATE (p)-[:HAS_BUDGET]->(:Budget {key: 'prog-shin-jidai|2030', fiscalYear: 2030, amountYen: 'many'})""")
			.execute();
		setBudget("prog-megaregion", 2023, "1,000千円");
		assertThat(count("MATCH (r:Pillar {key: 'pil-sv-1'}) WHERE r.budgetRollupVersion IS NULL"))
			.as("pillar Ⅰ is answered by the aggregation")
			.isOne();
		this.driver.executableQuery("MATCH (r) REMOVE r.budgetRollupYears, r.budgetRollupYen, r.budgetRollupVersion")
			.execute();
		try (var session = this.driver.session()) {
			long roots = count("MATCH (r) WHERE r:Plan OR r:Pillar OR r:Organization");
			long withTheText = count(
					"""
							MATCH (b:Budget {key: 'prog-shin-jidai|2030'})<-[:HAS_BUDGET]-(:Program)-[:LISTED_UNDER|RUN_BY*0..1]->()
							      -[:PART_OF*0..]->()-[:UNDER|IN_PLAN*0..1]->(r)
							WHERE r:Plan OR r:Pillar OR r:Organization
							RETURN count(DISTINCT r)""");
			assertThat(withTheText).isGreaterThanOrEqualTo(3);
			assertThat((long) session.executeWrite(BudgetRollups::computeOutdated)).isEqualTo(roots - withTheText);
		}
		assertThat(count("MATCH (r) WHERE (r:Plan OR r:Pillar OR r:Organization) AND r.budgetRollupVersion IS NULL"))
			.isEqualTo(3);
		this.anonymous.document("{ pillars { id budget(fiscalYear: 2030) } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as("as before the totals were kept").isNotEmpty());
		// the text removed, the totals are kept again
		this.driver.executableQuery("MATCH (b:Budget {key: 'prog-shin-jidai|2030'}) DETACH DELETE b").execute();
		try (var session = this.driver.session()) {
			assertThat(session.executeWrite(BudgetRollups::computeOutdated)).isEqualTo(3);
		}
		assertKeptIsTheAggregation();
	}

	@Test
	void theExportAndTheHistoryShowNoTotals(@Autowired DatasetExporter exporter) {
		for (String table : DatasetExporter.tableNames()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			exporter.writeCsv(table, out);
			assertThat(out.toString(StandardCharsets.UTF_8)).as(table).doesNotContain("budgetRollup");
		}
		// a root retired on schedule: its fields before, the totals among them, and none
		// after
		LocalDate on = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(20);
		mutate("retire", retire("org-tokyo-jimusho", on.toString()));
		assertThat(this.retirements.apply(on)).isOne();
		assertThat(count("MATCH (r {key: 'org-tokyo-jimusho'}) WHERE r.budgetRollupVersion IS NULL"))
			.as("a retired root keeps no totals")
			.isOne();
		List<String> fields = this.editor.documentName("history")
			.variable("id", "org-tokyo-jimusho")
			.execute()
			.path("history[*].fields[*].field")
			.entityList(String.class)
			.get();
		assertThat(fields).contains("name").noneMatch(field -> field.startsWith("budgetRollup"));
		assertKeptIsTheAggregation();
	}

	// --- the oracle

	/** "Label key year" → total, from the kept properties of every live root. */
	Map<String, Long> keptTotals() {
		Map<String, Long> totals = new TreeMap<>();
		this.driver.executableQuery("""
				MATCH (r) WHERE (r:Plan OR r:Pillar OR r:Organization) AND r.budgetRollupVersion IS NOT NULL
				RETURN [l IN labels(r) WHERE l IN ['Plan', 'Pillar', 'Organization']][0] AS label, r.key AS key,
				       r.budgetRollupVersion AS version, r.budgetRollupYears AS years, r.budgetRollupYen AS yen""")
			.execute()
			.records()
			.forEach(row -> {
				assertThat(row.get("version").asLong()).isEqualTo(BudgetRollups.VERSION);
				List<Long> years = row.get("years").asList(Value::asLong);
				List<Long> yen = row.get("yen").asList(Value::asLong);
				assertThat(years).as("years of %s", row.get("key"))
					.hasSameSizeAs(yen)
					.isSorted()
					.doesNotHaveDuplicates();
				for (int i = 0; i < years.size(); i++) {
					totals.put(row.get("label").asString() + " " + row.get("key").asString() + " " + years.get(i),
							yen.get(i));
				}
			});
		return totals;
	}

	/** "Label key year" → total, by the aggregation, for every root and every year. */
	Map<String, Long> aggregatedTotals() {
		Map<String, Long> totals = new TreeMap<>();
		for (String label : AGGREGATION.keySet()) {
			List<Map<String, Object>> keys = new ArrayList<>();
			for (String key : keys(label)) {
				for (long year : years()) {
					keys.add(Map.of("id", key, "fiscalYear", year));
				}
			}
			this.driver.executableQuery(AGGREGATION.get(label))
				.withParameters(Map.of("keys", keys))
				.execute()
				.records()
				.forEach(
						row -> totals.put(label + " " + row.get("id").asString() + " " + row.get("fiscalYear").asLong(),
								row.get("amountYen").asLong()));
		}
		return totals;
	}

	void assertKeptIsTheAggregation() {
		assertThat(count("MATCH (r) WHERE (r:Plan OR r:Pillar OR r:Organization) AND r.budgetRollupVersion IS NULL"))
			.as("roots without totals")
			.isZero();
		assertThat(keptTotals()).isEqualTo(aggregatedTotals());
	}

	/** What the API answers for every root and year is the aggregation's, or null. */
	void assertAnswersAreTheAggregation() {
		Map<String, Long> expected = aggregatedTotals();
		for (long year : years()) {
			var response = this.anonymous.document("""
					query($y: Int!) {
					  plans { id budget(fiscalYear: $y) }
					  pillars { id budget(fiscalYear: $y) }
					  organizations { id budget(fiscalYear: $y) }
					}""").variable("y", year).execute();
			for (String field : List.of("plans", "pillars", "organizations")) {
				String label = switch (field) {
					case "plans" -> "Plan";
					case "pillars" -> "Pillar";
					default -> "Organization";
				};
				List<Map<String, Object>> roots = response.path(field)
					.entityList(Object.class)
					.get()
					.stream()
					.map(root -> (Map<String, Object>) castMap(root))
					.toList();
				assertThat(roots).isNotEmpty();
				for (Map<String, Object> root : roots) {
					Long answered = (root.get("budget") != null) ? ((Number) root.get("budget")).longValue() : null;
					assertThat(answered).as("%s %s %s", label, root.get("id"), year)
						.isEqualTo(expected.get(label + " " + root.get("id") + " " + year));
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	List<String> keys(String label) {
		return this.driver.executableQuery("MATCH (r:" + label + ") RETURN r.key AS key")
			.execute()
			.records()
			.stream()
			.map(row -> row.get("key").asString())
			.toList();
	}

	/** Every fiscal year a budget names, and one before them all that none names. */
	List<Long> years() {
		TreeSet<Long> years = new TreeSet<>(this.driver.executableQuery("""
				MATCH (b) WHERE b:Budget OR b.retiredLabel = 'Budget'
				RETURN DISTINCT b.fiscalYear AS year""")
			.execute()
			.records()
			.stream()
			.map(row -> row.get("year").asLong())
			.toList());
		years.add(2000L);
		return List.copyOf(years);
	}

	long count(String match) {
		return this.driver.executableQuery(match + (match.contains("RETURN") ? "" : " RETURN count(*) AS n"))
			.execute()
			.records()
			.getFirst()
			.get(0)
			.asLong();
	}

	// --- the writes

	void setBudget(String programId, int fiscalYear, String amount) {
		this.editor.documentName("set-budget")
			.variable("input",
					Map.of("programId", programId, "fiscalYear", fiscalYear, "amount", amount, "source", SOURCE))
			.execute()
			.path("setBudget.changed")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	void mutate(String mutation, Map<String, Object> input) {
		this.editor.documentName(mutation).variable("input", input).execute().errors().verify();
	}

	void upsertRows(String table, List<List<Map<String, String>>> rows) {
		this.editor.documentName("upsert-rows")
			.variable("input", Map.of("table", table, "rows", rows))
			.execute()
			.path("upsertRows.succeeded")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	String runBy(String programId) {
		return this.driver.executableQuery("MATCH (:Program {key: $p})-[:RUN_BY]->(o) RETURN o.key AS key")
			.withParameters(Map.of("p", programId))
			.execute()
			.records()
			.getFirst()
			.get("key")
			.asString();
	}

	static Map<String, String> cell(String column, String value) {
		return Map.of("column", column, "value", value);
	}

	static Map<String, Object> link(String type, String fromId, String toId) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("type", type);
		input.put("fromId", fromId);
		input.put("toId", toId);
		input.put("source", SOURCE);
		return input;
	}

	static Map<String, Object> unlink(String type, String fromId, String toId) {
		return link(type, fromId, toId);
	}

	static Map<String, Object> unlinkOn(String type, String fromId, String toId, String on) {
		Map<String, Object> input = link(type, fromId, toId);
		input.put("on", on);
		return input;
	}

	static Map<String, Object> retire(String id, String on) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("id", id);
		if (on != null) {
			input.put("on", on);
		}
		input.put("source", SOURCE);
		return input;
	}

}
