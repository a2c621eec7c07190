package org.policygraph.kpi;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * The properties of an observation {@code o} a request reads, from the fields it selects
 * on {@code Observation}: a map projection for the statement that finds the observations.
 * An indicator's page asks for a year, a kind and a value; the document's words, period
 * text and source are most of an observation's bytes. A field this does not know reads
 * every property, so a field added to the type is never answered from a partial record.
 *
 * @param projection a Cypher map projection of {@code o}, built from the fixed names
 * below only
 */
record ObservationFields(String projection) {

	static final ObservationFields ALL = new ObservationFields("o {.*}");

	/**
	 * Each field of the GraphQL type {@code Observation} and the properties
	 * {@link Observation#of} reads for it.
	 */
	private static final Map<String, List<String>> PROPERTIES = Map.ofEntries(Map.entry("kind", List.of("kind")),
			Map.entry("targetType", List.of("targetType")), Map.entry("fiscalYear", List.of("fiscalYear")),
			Map.entry("fiscalYearTo", List.of("fiscalYearTo")), Map.entry("periodText", List.of("periodText")),
			Map.entry("value", List.of("value")), Map.entry("valueText", List.of("valueText")),
			Map.entry("unit", List.of("unit")), Map.entry("qualitative", List.of("qualitative")),
			Map.entry("text", List.of("text")), Map.entry("cumulative", List.of("cumulative")),
			Map.entry("source", List.of("sourceId", "section")), Map.entry("recordedAt", List.of("recordedAt")),
			Map.entry("supersededAt", List.of("supersededAt")), Map.entry("__typename", List.of()));

	static ObservationFields of(DataFetchingFieldSelectionSet selection) {
		TreeSet<String> properties = new TreeSet<>();
		for (SelectedField field : selection.getImmediateFields()) {
			List<String> read = PROPERTIES.get(field.getName());
			if (read == null) {
				return ALL;
			}
			properties.addAll(read);
		}
		return new ObservationFields(
				properties.stream().map(name -> "." + name).collect(Collectors.joining(", ", "o {", "}")));
	}

}
