package org.policygraph.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Catalogue.Column;
import org.policygraph.model.Catalogue.End;
import org.policygraph.model.Catalogue.RelationshipType;
import org.policygraph.model.Catalogue.Rule;
import org.policygraph.model.Catalogue.TableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The catalogue describes the packaged dataset's files as they are, and holds together.
 */
class CatalogueTests {

	@Test
	void everyPackagedFileIsATableWithTheColumnsOfItsHeader() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("data"))) {
			List<Path> csv = files.filter(f -> f.toString().endsWith(".csv"))
				.filter(f -> !f.getFileName().toString().equals("manifest.csv"))
				.toList();
			assertThat(csv).extracting(f -> f.getFileName().toString().replace(".csv", ""))
				.containsExactlyInAnyOrderElementsOf(Catalogue.columns().keySet());
			for (Path file : csv) {
				String header = Files.readAllLines(file, StandardCharsets.UTF_8).getFirst().replace("\uFEFF", "");
				assertThat(Catalogue.table(file.getFileName().toString().replace(".csv", "")).columnNames())
					.as(file.toString())
					.containsExactly(header.split(","));
			}
		}
	}

	@Test
	void everyReferencePointsToAnEarlierFileOrANodeFileWithAKeyColumn() {
		for (TableType table : Catalogue.TABLES) {
			for (Column column : table.columns()) {
				if (column.rule() == Rule.REFERENCE) {
					TableType target = Catalogue.table(column.referencedTable());
					assertThat(target.node()).as(table.name() + "." + column.name()).isNotNull();
					assertThat(target.node().key()).hasSize(1);
				}
			}
		}
	}

	@Test
	void everyRelationshipsEndsAreColumnsOfItsFileAndLabelsOfNodeFiles() {
		for (TableType table : Catalogue.TABLES) {
			for (RelationshipType type : table.relationships()) {
				for (End end : List.of(type.from(), type.to())) {
					if (end.column() != null) {
						assertThat(table.columnNames()).as(type.type() + " in " + table.name()).contains(end.column());
					}
					end.labels().forEach(label -> assertThat(Catalogue.tableOf(label)).isNotNull());
				}
				type.properties().forEach(p -> assertThat(table.columns()).as(type.type()).contains(p));
			}
		}
	}

	@Test
	void everyFileEndsWithItsProvenanceAndALinkWithTheSentenceThatMakesIt() {
		List<String> links = List.of("policy_issue_links", "program_continuations", "mentions");
		for (TableType table : Catalogue.TABLES.stream()
			.filter(t -> !List.of("sources", "units").contains(t.name()))
			.toList()) {
			List<String> columns = table.columnNames();
			List<String> provenance = links.contains(table.name()) ? List.of("source_id", "section", "evidence")
					: List.of("source_id", "section");
			assertThat(columns.subList(columns.size() - provenance.size(), columns.size())).as(table.name())
				.containsExactlyElementsOf(provenance);
		}
	}

	@Test
	void aTargetTypeNamesTheTenNodeTypesEditorsAndDocumentsPointAt() {
		assertThat(Catalogue.TARGET_LABELS).containsOnlyKeys("Plan", "Pillar", "Measure", "Program", "Organization",
				"PartnerBody", "Facility", "Kpi", "PolicyIssue", "Milestone");
		Catalogue.TARGET_LABELS.forEach((label, table) -> assertThat(Catalogue.tableOf(label).name()).isEqualTo(table));
	}

	/**
	 * What the importer writes and the exporter reads back: each column of a node file is
	 * a property of the node or the key at an end of a relationship its rows make.
	 */
	@Test
	void everyColumnOfANodeFileIsAPropertyOrAnEndOfItsRelationships() {
		for (TableType table : Catalogue.TABLES) {
			if (table.node() == null) {
				continue;
			}
			List<String> ends = table.relationships()
				.stream()
				.flatMap(r -> Stream.of(r.from(), r.to()))
				.flatMap(e -> e.polymorphic() ? Stream.of(e.column(), "target_type") : Stream.of(e.column()))
				.toList();
			for (Column column : table.columns()) {
				if (column.property() == null) {
					assertThat(ends).as(table.name() + "." + column.name()).contains(column.name());
				}
			}
		}
	}

	@Test
	void onlyTheCataloguesLabelsTypesAndPropertiesEnterAStatement() {
		assertThat(Catalogue.label("Program")).isEqualTo("Program");
		assertThat(Catalogue.relationshipType("CITED_IN")).isEqualTo("CITED_IN");
		assertThat(Catalogue.property("progressAsOfText")).isEqualTo("progressAsOfText");
		assertThatIllegalArgumentException().isThrownBy(() -> Catalogue.label("Program) DETACH DELETE (n"));
		assertThatIllegalArgumentException().isThrownBy(() -> Catalogue.label("Retired"));
		assertThatIllegalArgumentException().isThrownBy(() -> Catalogue.relationshipType("SERVES"));
		assertThatIllegalArgumentException().isThrownBy(() -> Catalogue.property("key`: 1}) DELETE n //"));
	}

	@Test
	void everyKeyOfAPackagedNodeFileBeginsWithItsTypesPrefix() throws IOException {
		assertThat(Catalogue.KEY_PREFIXES.keySet())
			.containsExactlyInAnyOrderElementsOf(Catalogue.TARGET_LABELS.keySet());
		for (var entry : Catalogue.KEY_PREFIXES.entrySet()) {
			TableType table = Catalogue.tableOf(entry.getKey());
			assertThat(table.columns().getFirst().rule()).as(table.name()).isEqualTo(Rule.KEY);
			List<CSVRecord> rows;
			try (Reader in = Files.newBufferedReader(Path.of("data", table.name() + ".csv"), StandardCharsets.UTF_8)) {
				rows = CSVFormat.RFC4180.builder().setSkipHeaderRecord(true).setHeader().get().parse(in).getRecords();
			}
			assertThat(rows).as(table.name()).isNotEmpty();
			for (CSVRecord row : rows) {
				String key = row.get(0);
				assertThat(key).as(table.name()).startsWith(entry.getValue());
				assertThat(Catalogue.labelOfKey(key)).as(key).contains(entry.getKey());
			}
		}
	}

	@Test
	void noKeyPrefixBeginsAnotherSoAnIdNamesOneType() {
		for (String a : Catalogue.KEY_PREFIXES.values()) {
			for (String b : Catalogue.KEY_PREFIXES.values()) {
				assertThat(a.equals(b) || !a.startsWith(b)).as(a + " and " + b).isTrue();
			}
		}
		assertThat(Catalogue.labelOfKey("m001-prog-0001")).isEmpty();
		assertThat(Catalogue.labelOfKey("shin-vision-r8-programs")).isEmpty();
		assertThat(Catalogue.labelOfKey(null)).isEmpty();
	}

}
