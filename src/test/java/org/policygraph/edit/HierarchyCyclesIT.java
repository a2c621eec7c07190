package org.policygraph.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No node is above itself: an organization's or a measure's parent may not be the node,
 * nor any node below it. The refusal names the cycle it would have made, and the graph
 * (with its change records) is as it was before.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HierarchyCyclesIT {

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	Driver driver;

	HttpGraphQlTester editor;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.editor = this.anonymous.mutate()
			.header("Authorization", "Bearer " + TestTokens.editor("officer-sato"))
			.build();
	}

	@Test
	void anOrganizationCannotBeItsOwnParent() {
		organization("org-cycle-self", null);
		ResponseError error = refused(() -> organization("org-cycle-self", "org-cycle-self"));
		assertThat(error.getExtensions()).containsEntry("code", "BAD_VALUE").containsEntry("field", "input.parentId");
		assertThat(error.getMessage()).contains("org-cycle-self → org-cycle-self");
	}

	@Test
	void twoOrganizationsCannotBeEachOthersParent() {
		organization("org-cycle-a", null);
		organization("org-cycle-b", "org-cycle-a");
		ResponseError error = refused(() -> organization("org-cycle-a", "org-cycle-b"));
		assertThat(error.getExtensions()).containsEntry("code", "CONFLICT").containsEntry("field", "input.parentId");
		assertThat(error.getMessage()).contains("org-cycle-a → org-cycle-b → org-cycle-a");
	}

	@Test
	void aLongerChainCannotBeClosedIntoACycle() {
		organization("org-chain-1", null);
		organization("org-chain-2", "org-chain-1");
		organization("org-chain-3", "org-chain-2");
		organization("org-chain-4", "org-chain-3");
		ResponseError error = refused(() -> organization("org-chain-1", "org-chain-4"));
		assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
		assertThat(error.getMessage()).contains("org-chain-1 → org-chain-4 → org-chain-3 → org-chain-2 → org-chain-1");
	}

	@Test
	void aNewOrganizationCannotCloseACycleWithTheDatasetsUnits() {
		// the dataset: org-somu-bu (総務部) is part of org-seisaku-kyoku (政策局), which has no
		// parent
		ResponseError error = refused(() -> organization("org-seisaku-kyoku", "org-somu-bu"));
		assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
		assertThat(error.getMessage()).contains("org-seisaku-kyoku → org-somu-bu → org-seisaku-kyoku");
	}

	@Test
	void aMeasureCannotBePartOfItselfDirectlyOrThroughOthers() {
		measure("ms-cycle-a", null);
		measure("ms-cycle-b", "ms-cycle-a");
		measure("ms-cycle-c", "ms-cycle-b");
		ResponseError self = refused(() -> measure("ms-cycle-a", "ms-cycle-a"));
		assertThat(self.getExtensions()).containsEntry("code", "BAD_VALUE")
			.containsEntry("field", "input.parentMeasureId");
		assertThat(self.getMessage()).contains("ms-cycle-a → ms-cycle-a");
		ResponseError cycle = refused(() -> measure("ms-cycle-a", "ms-cycle-c"));
		assertThat(cycle.getExtensions()).containsEntry("code", "CONFLICT")
			.containsEntry("field", "input.parentMeasureId");
		assertThat(cycle.getMessage()).contains("ms-cycle-a → ms-cycle-c → ms-cycle-b → ms-cycle-a");
	}

	@Test
	void aParentThatMakesNoCycleIsStillAccepted() {
		organization("org-tree-root", null);
		organization("org-tree-leaf", "org-tree-root");
		this.editor.documentName("upsert-organization")
			.variable("input", input("org-tree-other", "org-tree-leaf"))
			.execute()
			.path("upsertOrganization.node.parent.id")
			.entity(String.class)
			.isEqualTo("org-tree-leaf");
	}

	/**
	 * The error of a refused mutation, checking that the refusal changed nothing at all.
	 */
	ResponseError refused(Runnable mutation) {
		List<String> before = GraphFingerprint.of(this.driver);
		long changes = changes();
		ResponseError error = null;
		try {
			mutation.run();
		}
		catch (Refused refused) {
			error = refused.error;
		}
		assertThat(error).as("refused").isNotNull();
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
		assertThat(changes()).isEqualTo(changes);
		return error;
	}

	void organization(String id, String parentId) {
		run("upsert-organization", input(id, parentId));
	}

	void measure(String id, String parentId) {
		Map<String, Object> input = input(id, null);
		input.put("planId", "plan-shin-vision");
		if (parentId != null) {
			input.put("parentMeasureId", parentId);
		}
		run("upsert-measure", input);
	}

	static Map<String, Object> input(String id, String parentId) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("id", id);
		input.put("name", "試験 " + id);
		input.put("source", SOURCE);
		if (parentId != null) {
			input.put("parentId", parentId);
		}
		return input;
	}

	void run(String document, Map<String, Object> input) {
		var response = this.editor.documentName(document).variable("input", input).execute();
		response.errors().satisfy(errors -> {
			if (!errors.isEmpty()) {
				throw new Refused(errors.getFirst());
			}
		});
	}

	long changes() {
		try (var session = this.driver.session()) {
			return session.run("MATCH (c:Change) RETURN count(c) AS n").single().get("n").asLong();
		}
	}

	static final class Refused extends RuntimeException {

		final transient ResponseError error;

		Refused(ResponseError error) {
			super(error.getMessage());
			this.error = error;
		}

	}

}
