package org.policygraph.model;

import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * Gives every pillar of a plan of kind {@code VISION} the extra label
 * {@code VisionPillar<ordinal>} ({@code VisionPillar1} for Ⅰ 稼げるまち). Neo4j Browser styles
 * nodes by label alone, so this is what lets its style sheet give the 新ビジョン's pillars a
 * colour each. The label is derived from the imported plan kind and pillar ordinal, never
 * read from the input; the rule is in {@code cypher/MODEL.md}. An import and an upsert of
 * a plan or a pillar both apply it, so that a pillar has the label however it came in.
 */
public final class VisionPillarLabels {

	public static final String PREFIX = "VisionPillar";

	private static final String SET_LABELS = """
			MATCH (:Plan {kind: 'VISION'})-[:HAS_PILLAR]->(pillar:Pillar)
			WHERE pillar.ordinal IS NOT NULL
			SET pillar:$($prefix + toString(pillar.ordinal))""";

	private VisionPillarLabels() {
	}

	/**
	 * Idempotent; runs in the writer's transaction, so a rolled-back write leaves no
	 * label behind.
	 */
	public static void apply(SimpleQueryRunner tx) {
		tx.run(SET_LABELS, Map.of("prefix", PREFIX)).consume();
	}

}
