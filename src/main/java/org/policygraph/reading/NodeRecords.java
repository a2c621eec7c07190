package org.policygraph.reading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The API record for a node of any label, through the {@link NodeReader} beans the
 * features declare. Labels without a reader have no record: {@code node(id)} answers null
 * for them and {@code search} skips them.
 */
@Component
public class NodeRecords {

	private final Map<String, NodeReader> readers = new LinkedHashMap<>();

	NodeRecords(List<NodeReader> readers) {
		readers.forEach(reader -> {
			NodeReader previous = this.readers.putIfAbsent(reader.label(), reader);
			if (previous != null) {
				throw new IllegalStateException("Two NodeReader beans for label " + reader.label());
			}
		});
	}

	/** Every label a reader is declared for. */
	public Set<String> labels() {
		return this.readers.keySet();
	}

	/**
	 * The record of a node with these labels and properties; empty when no label has a
	 * reader.
	 */
	public Optional<Object> read(Collection<String> labels, Map<String, Object> properties) {
		return labels.stream()
			.map(this.readers::get)
			.filter(reader -> reader != null)
			.findFirst()
			.map(reader -> reader.read().apply(properties));
	}

	/**
	 * The record of a node of a label whose reader answers {@code type}, e.g. a Plan from
	 * another feature.
	 */
	public <T> T read(String label, Map<String, Object> properties, Class<T> type) {
		NodeReader reader = this.readers.get(label);
		if (reader == null) {
			throw new IllegalStateException("No NodeReader bean for label " + label);
		}
		return type.cast(reader.read().apply(properties));
	}

}
