package org.policygraph.source;

import java.util.Map;

/** Where a fact comes from: a source document's id and the section or row in it. */
public record SourceRef(String sourceId, String section) {

	/**
	 * Reads the {@code sourceId} and {@code section} properties every imported node and
	 * relationship carries.
	 */
	public static SourceRef of(Map<String, Object> properties) {
		return new SourceRef((String) properties.get("sourceId"), (String) properties.get("section"));
	}

}
