package org.policygraph.search;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.graph.GraphSchema;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before the search text was kept (its full-text index over the
 * document's fields only, its nodes without searchName) finds by every spelling after a
 * start: the index is made again and the nodes get their search text.
 */
@PolicyGraphIntegrationTest
class SearchTextUpgradeIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Test
	void aStoreWrittenBeforeSearchTextFindsTheProgramByItsOtherSpellingAfterAStart(
			@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		// as an earlier version left it
		this.driver.executableQuery("DROP INDEX policy_text").execute();
		this.driver.executableQuery("""
				CREATE FULLTEXT INDEX policy_text
				FOR (n:Plan|Pillar|Measure|Program|Kpi|Organization|PartnerBody|Facility|PolicyIssue)
				ON EACH [n.name, n.nameEn, n.summary, n.title, n.content, n.outcome]
				OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }""").execute();
		this.driver.executableQuery("MATCH (n) REMOVE n.searchName, n.searchText").execute();
		assertThat(programsNamed("スマラク")).isEmpty();

		// what a start does
		new GraphSchema(this.driver, DatabaseSelectionProvider.getDefaultSelectionProvider(),
				new FileSystemResource("cypher/schema.cypher"))
			.apply();
		try (var session = this.driver.session()) {
			assertThat(session.executeWrite(SearchTexts::keepMissing)).isGreaterThan(200);
			assertThat(session.executeWrite(SearchTexts::keepMissing)).as("a second start finds nothing to do")
				.isZero();
		}
		this.driver.executableQuery("CALL db.awaitIndexes(300)").execute();

		// 002 line 377: スマラク区役所サービスプロジェクト, the R7 bureau policy's spelling of
		// スマらく区役所サービスプロジェクト
		assertThat(programsNamed("スマラク")).containsExactly("prog-smaraku");
		this.graphQl.document("{ search(text: \"スマラク\") { node { id } } }")
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.contains("prog-smaraku");
	}

	@Test
	void aStoreWrittenBeforeMilestonesFindsThemAfterAStart(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		// as the version before milestones left it: today's properties, the nine labels
		this.driver.executableQuery("DROP INDEX policy_text").execute();
		this.driver.executableQuery("""
				CREATE FULLTEXT INDEX policy_text
				FOR (n:Plan|Pillar|Measure|Program|Kpi|Organization|PartnerBody|Facility|PolicyIssue)
				ON EACH [n.name, n.nameEn, n.summary, n.title, n.content, n.outcome, n.searchName, n.searchText]
				OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }""").execute();
		this.driver.executableQuery("CALL db.awaitIndexes(300)").execute();
		// 004 line 202: デジラボ
		assertThat(searchIds("デジラボ")).doesNotContain("mil-dx-05-digilab");

		new GraphSchema(this.driver, DatabaseSelectionProvider.getDefaultSelectionProvider(),
				new FileSystemResource("cypher/schema.cypher"))
			.apply();
		this.driver.executableQuery("CALL db.awaitIndexes(300)").execute();

		assertThat(searchIds("デジラボ")).contains("mil-dx-05-digilab");
	}

	private List<String> searchIds(String text) {
		return this.graphQl.document("query($text: String!) { search(text: $text) { node { id } } }")
			.variable("text", text)
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
	}

	private List<String> programsNamed(String text) {
		return this.graphQl
			.document("query($text: String) { programs(where: {text: $text}) { edges { node { id } } } }")
			.variable("text", text)
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
