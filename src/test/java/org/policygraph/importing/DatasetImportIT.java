package org.policygraph.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetImportIT {

	@Autowired
	DatasetImporter importer;

	@Autowired
	Driver driver;

	private ImportReport firstImport;

	@BeforeAll
	void importDataset() {
		this.firstImport = this.importer.importPackagedDataset(false);
	}

	@Test
	void countsPerLabelAndRelationshipTypeMatchTheManifest() throws IOException {
		Map<String, Long> expected = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(Path.of("data/manifest.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			expected.put(cells[0] + " " + cells[1], Long.parseLong(cells[2]));
		}
		Map<String, Long> actual = new LinkedHashMap<>();
		try (var session = this.driver.session()) {
			// the dataset's own nodes and relationships; the import's change record is
			// history, not data
			session.run("MATCH (n) WHERE NOT n:Change UNWIND labels(n) AS label RETURN label, count(*) AS count")
				.forEachRemaining(r -> actual.put("NODE " + r.get("label").asString(), r.get("count").asLong()));
			session.run("MATCH ()-[r]->() WHERE type(r) <> 'CHANGED' RETURN type(r) AS type, count(*) AS count")
				.forEachRemaining(r -> actual.put("RELATIONSHIP " + r.get("type").asString(), r.get("count").asLong()));
		}
		expected.values().removeIf(count -> count == 0);
		assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void theFirstImportCreatedEverythingItCounted() {
		assertThat(this.firstImport.counts()).allSatisfy(count -> {
			assertThat(count.created()).as(count.name()).isEqualTo(count.rows());
			assertThat(count.updated()).isZero();
		});
	}

	@Test
	void importingTheSameDatasetAgainChangesNothing() {
		ImportReport again = this.importer.importPackagedDataset(false);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
	}

	@Test
	void everyNodeFromADocumentCitesItsSourceAndSection() {
		try (var session = this.driver.session()) {
			long uncited = session.run("""
					MATCH (n) WHERE NOT n:Source AND NOT n:Unit AND NOT n:Change
					  AND (n.sourceId IS NULL OR n.section IS NULL OR NOT (n)-[:CITED_IN]->(:Source {key: n.sourceId}))
					RETURN count(n)""").single().get(0).asLong();
			assertThat(uncited).isZero();
		}
	}

	@Test
	void everyRelationshipRecordsItsSourceAndSection() {
		try (var session = this.driver.session()) {
			long unsourced = session.run("""
					MATCH ()-[r]->() WHERE type(r) <> 'CHANGED' AND (r.sourceId IS NULL OR r.section IS NULL)
					RETURN count(r)""").single().get(0).asLong();
			assertThat(unsourced).isZero();
		}
	}

	@Test
	void oneRealWorldThingIsOneNode() {
		try (var session = this.driver.session()) {
			List<String> duplicates = session
				.run("""
						MATCH (n) WHERE n:Program OR n:Kpi OR n:Organization OR n:PartnerBody OR n:Facility
						WITH labels(n)[0] AS label, replace(replace(n.name, ' ', ''), '　', '') AS name, collect(n.key) AS keys
						WHERE size(keys) > 1
						RETURN label + ' ' + name + ' ' + toString(size(keys)) AS duplicate""")
				.list(r -> r.get("duplicate").asString());
			assertThat(duplicates).isEmpty();
		}
	}

	@Test
	void noNameKeepsAnExtractionSpaceBetweenJapaneseCharacters() {
		try (var session = this.driver.session()) {
			String japanese = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]";
			String pattern = ".*" + japanese + "[ 　]" + japanese + ".*";
			assertThat(
					session.run("RETURN '国際 政策 課' =~ $pattern", Map.of("pattern", pattern)).single().get(0).asBoolean())
				.as("the pattern finds an extraction space")
				.isTrue();
			List<String> spaced = session
				// an alias keeps the document's spelling, extraction spaces and all, on
				// purpose
				// (data/aliases.csv), so that text pasted from a document finds its node
				.run("MATCH (n) WHERE n.name =~ $pattern AND NOT n:Alias RETURN n.key + ' ' + n.name AS name",
						Map.of("pattern", pattern))
				.list(r -> r.get("name").asString());
			assertThat(spaced).isEmpty();
		}
	}

	@Test
	void everyFigureKeepsItsOriginalTextBesideTheValue() {
		try (var session = this.driver.session()) {
			long bare = session.run("""
					MATCH (o:Observation) WHERE o.value IS NOT NULL AND o.valueText IS NULL
					RETURN count(o)""").single().get(0).asLong();
			long bareBudgets = session.run("MATCH (b:Budget) WHERE b.text IS NULL RETURN count(b)")
				.single()
				.get(0)
				.asLong();
			assertThat(bare + bareBudgets).isZero();
		}
	}

}
