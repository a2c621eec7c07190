package org.policygraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Values;
import org.policygraph.model.Catalogue;

/**
 * The graph's hierarchies, the relationships by which a node of one label hangs under
 * another of the same label, and the rule they share: no node is above itself, directly
 * or through others. Mutations and imports both check it, in their own transaction after
 * writing, so that a refused change leaves nothing behind.
 */
public final class Hierarchies {

	/**
	 * One hierarchy: {@code (child:label)-[:type]->(parent:label)}.
	 *
	 * @param rule what a cycle would mean, for the refusal
	 */
	public record Hierarchy(String label, String type, String rule) {

		public Hierarchy {
			Catalogue.label(label);
			Catalogue.relationshipType(type);
		}

		/**
		 * The first cycle through one of the keys, child first and closed with it
		 * ({@code org-a → org-b → org-a}). Retired nodes count: they keep their links,
		 * and a cycle through one would return with its links.
		 */
		public Optional<List<String>> cycleThrough(SimpleQueryRunner tx, Collection<String> keys) {
			if (keys.isEmpty()) {
				return Optional.empty();
			}
			// label and type are the catalogue's, checked when the hierarchy was made;
			// the keys are parameters
			String statement = """
					UNWIND $keys AS key
					MATCH (child:%1$s {key: key})-[:%2$s]->(parent)
					MATCH path = SHORTEST 1 (parent)-[:%2$s]->*(child)
					RETURN child.key AS child, [n IN nodes(path) | n.key] AS path
					ORDER BY child
					LIMIT 1""".formatted(this.label, this.type);
			List<Record> found = tx.run(statement, Values.parameters("keys", List.copyOf(keys))).list();
			if (found.isEmpty()) {
				return Optional.empty();
			}
			List<String> cycle = new ArrayList<>();
			cycle.add(found.getFirst().get("child").asString());
			cycle.addAll(found.getFirst().get("path").asList(v -> v.asString()));
			return Optional.of(cycle);
		}

	}

	public static final Hierarchy ORGANIZATIONS = new Hierarchy("Organization", "PART_OF",
			"an organization cannot be part of itself, directly or through others");

	public static final Hierarchy MEASURES = new Hierarchy("Measure", "PART_OF",
			"a measure cannot be part of itself, directly or through others");

	public static final Hierarchy PROGRAM_CONTINUATIONS = new Hierarchy("Program", "CONTINUES",
			"a program cannot continue itself, directly or through others");

	public static final List<Hierarchy> ALL = List.of(ORGANIZATIONS, MEASURES, PROGRAM_CONTINUATIONS);

	private Hierarchies() {
	}

	/** The hierarchy a relationship belongs to, if it is one. */
	public static Optional<Hierarchy> of(String fromLabel, String type, String toLabel) {
		return ALL.stream()
			.filter(h -> h.label().equals(fromLabel) && h.type().equals(type) && h.label().equals(toLabel))
			.findFirst();
	}

	/** A cycle as people read it: {@code org-a → org-b → org-a}. */
	public static String describe(List<String> cycle) {
		return String.join(" → ", cycle);
	}

	/**
	 * The cycles among edges not yet in any graph (an import's rows), each once, as the
	 * index of the edge that closes it and the keys around it, child first and closed
	 * with it.
	 * @param edges (child, parent) pairs, in the order they were given
	 */
	public static Map<Integer, List<String>> cycles(List<Map.Entry<String, String>> edges) {
		Map<String, List<Integer>> outgoing = new LinkedHashMap<>();
		for (int i = 0; i < edges.size(); i++) {
			outgoing.computeIfAbsent(edges.get(i).getKey(), k -> new ArrayList<>()).add(i);
		}
		Map<Integer, List<String>> cycles = new LinkedHashMap<>();
		// depth-first from every node, iteratively (a hostile upload may chain thousands
		// of rows); an edge back to a
		// node on the current path closes a cycle
		Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the
														// path, 2: done
		for (String start : outgoing.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			List<String> path = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			path.add(start);
			next.add(0);
			state.put(start, 1);
			while (!path.isEmpty()) {
				int top = path.size() - 1;
				String node = path.get(top);
				List<Integer> out = outgoing.getOrDefault(node, List.of());
				if (next.get(top) >= out.size()) {
					state.put(node, 2);
					path.remove(top);
					next.remove(top);
					continue;
				}
				int edge = out.get(next.get(top));
				next.set(top, next.get(top) + 1);
				String parent = edges.get(edge).getValue();
				Integer parentState = state.get(parent);
				if (parentState == null) {
					state.put(parent, 1);
					path.add(parent);
					next.add(0);
				}
				else if (parentState == 1) {
					List<String> cycle = new ArrayList<>(path.subList(path.indexOf(parent), path.size()));
					cycle.add(parent);
					cycles.put(edge, cycle);
				}
			}
		}
		return cycles;
	}

}
