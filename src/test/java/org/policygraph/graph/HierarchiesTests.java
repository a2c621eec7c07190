package org.policygraph.graph;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle rule on rows not yet in a graph: each cycle found once, named from its child,
 * at the row closing it.
 */
class HierarchiesTests {

	@Test
	void aTreeHasNoCycle() {
		assertThat(Hierarchies.cycles(edges("b", "a", "c", "a", "d", "c", "e", "c"))).isEmpty();
	}

	@Test
	void aNodeThatIsItsOwnParentIsACycleOfOne() {
		assertThat(Hierarchies.cycles(edges("b", "a", "a", "a"))).containsExactly(Map.entry(1, List.of("a", "a")));
	}

	@Test
	void twoNodesThatAreEachOthersParentAreACycleClosedAtTheSecondRow() {
		assertThat(Hierarchies.cycles(edges("org-a", "org-b", "org-b", "org-a")))
			.containsExactly(Map.entry(1, List.of("org-a", "org-b", "org-a")));
	}

	@Test
	void aLongCycleIsNamedWhole() {
		assertThat(Hierarchies.cycles(edges("a", "b", "b", "c", "c", "d", "d", "a", "x", "a")))
			.containsExactly(Map.entry(3, List.of("a", "b", "c", "d", "a")));
	}

	@Test
	void separateCyclesAreEachFound() {
		assertThat(Hierarchies.cycles(edges("a", "b", "b", "a", "c", "d", "d", "c"))).hasSize(2)
			.containsEntry(1, List.of("a", "b", "a"))
			.containsEntry(3, List.of("c", "d", "c"));
	}

	@Test
	void aLongChainIsWalkedWithoutRecursion() {
		int length = 100_000;
		String[] pairs = new String[2 * length];
		for (int i = 0; i < length; i++) {
			pairs[2 * i] = "n" + i;
			pairs[2 * i + 1] = "n" + ((i + 1) % length);
		}
		Map<Integer, List<String>> cycles = Hierarchies.cycles(edges(pairs));
		assertThat(cycles).hasSize(1);
		assertThat(cycles.values().iterator().next()).hasSize(length + 1).startsWith("n0", "n1").endsWith("n0");
	}

	@Test
	void theDescriptionReadsAsAPath() {
		assertThat(Hierarchies.describe(List.of("org-a", "org-b", "org-a"))).isEqualTo("org-a → org-b → org-a");
	}

	@Test
	void onlyLinksBetweenNodesOfOneLabelAreHierarchies() {
		assertThat(Hierarchies.of("Organization", "PART_OF", "Organization")).contains(Hierarchies.ORGANIZATIONS);
		assertThat(Hierarchies.of("Measure", "PART_OF", "Measure")).contains(Hierarchies.MEASURES);
		assertThat(Hierarchies.of("Program", "CONTINUES", "Program")).contains(Hierarchies.PROGRAM_CONTINUATIONS);
		assertThat(Hierarchies.of("Program", "RUN_BY", "Organization")).isEmpty();
	}

	static List<Map.Entry<String, String>> edges(String... childParentPairs) {
		List<Map.Entry<String, String>> edges = new java.util.ArrayList<>();
		for (int i = 0; i < childParentPairs.length; i += 2) {
			edges.add(Map.entry(childParentPairs[i], childParentPairs[i + 1]));
		}
		return edges;
	}

}
