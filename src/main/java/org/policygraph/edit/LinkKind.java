package org.policygraph.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.model.Catalogue;

/**
 * The links editors make and retire ({@code LinkType} in the schema), each the
 * relationship of a file of the dataset as the {@link Catalogue} describes it: its type,
 * the labels at its ends and the fields it carries.
 */
enum LinkKind {

	PROGRAM_MEASURE("program_measures"), PROGRAM_KPI("program_kpis"), PROGRAM_ORGANIZATION("program_organizations"),
	PROGRAM_PARTNER_BODY("program_partners"), MEASURE_PILLAR("measure_pillars"),
	POLICY_ISSUE_CONCERNS("policy_issue_links"), ORGANIZATION_PARENT("organization_parents"), KPI_PILLAR("kpi_pillars"),
	PROGRAM_CONTINUATION("program_continuations");

	private final Catalogue.RelationshipType relationship;

	LinkKind(String table) {
		this.relationship = Catalogue.table(table).relationship();
	}

	/** The relationship as the catalogue describes it. */
	Catalogue.RelationshipType relationship() {
		return this.relationship;
	}

	String type() {
		return this.relationship.type();
	}

	String fromLabel() {
		return this.relationship.from().label();
	}

	List<String> toLabels() {
		return this.relationship.to().labels();
	}

	/**
	 * What a new link has for a field the input leaves out: what an import makes of a
	 * blank cell (false).
	 */
	Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (Catalogue.Column column : this.relationship.properties()) {
			if (column.rule() == Catalogue.Rule.BOOLEAN) {
				defaults.put(column.property(), false);
			}
		}
		return defaults;
	}

	/**
	 * The fields every such link must carry, as the file's required columns (a policy
	 * issue's link its evidence).
	 */
	List<String> required() {
		return this.relationship.properties()
			.stream()
			.filter(Catalogue.Column::required)
			.map(Catalogue.Column::property)
			.toList();
	}

	/** Whether the link carries this input field. */
	boolean carries(String field) {
		return this.relationship.propertyNames().contains(field);
	}

}
