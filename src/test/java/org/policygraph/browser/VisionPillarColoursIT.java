package org.policygraph.browser;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 新ビジョン's three pillars (Ⅰ 稼げるまち, Ⅱ 彩りあるまち, Ⅲ 安らぐまち) each get a colour of their own
 * in Neo4j Browser: the import gives each its styling label, and the style sheet gives
 * each label its colour.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisionPillarColoursIT {

	@Autowired
	Driver driver;

	@Autowired
	DatasetImporter importer;

	@BeforeAll
	void importDataset() {
		this.importer.importPackagedDataset(false);
	}

	@Test
	void onlyTheThreeVisionPillarsCarryAStylingLabelEachByTheirOrdinal() {
		assertThat(stylingLabels())
			.containsExactlyEntriesOf(new TreeMap<>(Map.of("pil-sv-1", List.of("Pillar", "VisionPillar1"), "pil-sv-2",
					List.of("Pillar", "VisionPillar2"), "pil-sv-3", List.of("Pillar", "VisionPillar3"))));
	}

	@Test
	void importingAgainAddsNoFurtherLabel() {
		Map<String, List<String>> before = stylingLabels();
		this.importer.importPackagedDataset(false);
		assertThat(stylingLabels()).isEqualTo(before);
	}

	@Test
	void theStyleGivesTheThreePillarsThreeColoursUnlikeAnyOtherLabel() {
		GrassStyle style = GrassStyle.read();
		Map<String, String> one = style.forNode(List.of("Pillar", "VisionPillar1"));
		Map<String, String> two = style.forNode(List.of("Pillar", "VisionPillar2"));
		Map<String, String> three = style.forNode(List.of("Pillar", "VisionPillar3"));
		List<String> colours = List.of(one.get("color"), two.get("color"), three.get("color"));
		assertThat(colours).doesNotHaveDuplicates().doesNotContain(style.forNode(List.of("Pillar")).get("color"));
		// Still drawn as pillars, with the numbering of the document in the caption.
		assertThat(List.of(one, two, three)).allSatisfy(pillar -> {
			assertThat(pillar.get("caption")).isEqualTo("{label} {name}");
			assertThat(pillar.get("diameter")).isEqualTo(style.forNode(List.of("Pillar")).get("diameter"));
		});
		for (String label : List.of("Plan", "Measure", "Program", "Kpi", "Organization", "PartnerBody",
				"PolicyIssue")) {
			assertThat(style.forNode(List.of(label)).get("color")).as(label).isNotIn(colours);
		}
	}

	/**
	 * Every node with a {@code VisionPillar…} label, by key, with all its labels sorted.
	 */
	private Map<String, List<String>> stylingLabels() {
		Map<String, List<String>> labels = new TreeMap<>();
		try (var session = this.driver.session()) {
			session.run("""
					MATCH (n) WHERE any(label IN labels(n) WHERE label STARTS WITH 'VisionPillar')
					RETURN n.key AS key, labels(n) AS labels""")
				.forEachRemaining(r -> labels.put(r.get("key").asString(),
						r.get("labels").asList(v -> v.asString()).stream().sorted().toList()));
		}
		return labels;
	}

}
