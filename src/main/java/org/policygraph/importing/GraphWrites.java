package org.policygraph.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.policygraph.model.Catalogue;

/**
 * What an import writes, as validated rows grouped by node label and relationship type.
 * Labels, types and property names are the {@link Catalogue}'s (a name outside its closed
 * sets is refused here), never the input's.
 */
final class GraphWrites {

	/** Nodes of one label; each row is {@code {key, props}}. */
	record Nodes(String label, List<Map<String, Object>> rows) {
	}

	/**
	 * Relationships of one type between two labels; each row is {@code {from, to,
	 * props}}. {@code mergeOn} names the properties that tell two relationships between
	 * the same nodes apart (e.g. the section of a citation).
	 */
	record Relationships(String type, String fromLabel, String toLabel, List<String> mergeOn,
			List<Map<String, Object>> rows) {
	}

	final List<Nodes> nodes = new ArrayList<>();

	final List<Relationships> relationships = new ArrayList<>();

	List<Map<String, Object>> nodes(String label) {
		for (Nodes n : this.nodes) {
			if (n.label().equals(label)) {
				return n.rows();
			}
		}
		Nodes created = new Nodes(Catalogue.label(label), new ArrayList<>());
		this.nodes.add(created);
		return created.rows();
	}

	List<Map<String, Object>> relationships(String type, String fromLabel, String toLabel, String... mergeOn) {
		for (Relationships r : this.relationships) {
			if (r.type().equals(type) && r.fromLabel().equals(fromLabel) && r.toLabel().equals(toLabel)) {
				return r.rows();
			}
		}
		Relationships created = new Relationships(Catalogue.relationshipType(type), Catalogue.label(fromLabel),
				Catalogue.label(toLabel), List.of(mergeOn).stream().map(Catalogue::property).toList(),
				new ArrayList<>());
		this.relationships.add(created);
		return created.rows();
	}

}
