package org.policygraph.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a dataset and their columns, in the order they are read (a file's references point only to
 * files before it or to node files). {@code data/README.md} explains every column.
 */
final class DatasetTables {

	static final Map<String, List<String>> COLUMNS = columns();

	private DatasetTables() {
	}

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> c = new LinkedHashMap<>();
		c.put("sources", List.of("source_id", "title", "title_en", "file", "publisher", "as_of", "description"));
		c.put("units", List.of("unit", "base_unit", "multiplier", "kind", "name_en"));
		c.put("plans", List.of("plan_key", "name", "name_en", "kind", "period", "source_id", "section"));
		c.put("plan_facts", List.of("plan_key", "fact", "figure", "text", "source_id", "section"));
		c.put("pillars", List.of("pillar_key", "plan_key", "ordinal", "label", "name", "name_en", "goal", "source_id", "section"));
		c.put("measures", List.of("measure_key", "plan_key", "parent_measure_key", "label", "name", "name_en", "source_id", "section"));
		c.put("measure_pillars", List.of("measure_key", "pillar_key", "ordinal", "source_id", "section"));
		c.put("programs", List.of("program_key", "name", "name_en", "summary", "source_id", "section"));
		c.put("program_measures", List.of("program_key", "measure_key", "number", "reposted", "source_id", "section"));
		c.put("organizations", List.of("org_key", "name", "name_en", "kind", "source_id", "section"));
		c.put("organization_parents", List.of("org_key", "parent_org_key", "source_id", "section"));
		c.put("program_organizations", List.of("program_key", "org_key", "source_id", "section"));
		c.put("partner_bodies", List.of("partner_key", "name", "name_en", "supervising_org_key", "source_id", "section"));
		c.put("program_partners", List.of("program_key", "partner_key", "role", "source_id", "section"));
		c.put("facilities", List.of("facility_key", "name", "name_en", "operation", "org_key", "source_id", "section"));
		c.put("kpis", List.of("kpi_key", "name", "name_en", "unit", "direction", "method", "source_id", "section"));
		c.put("program_kpis", List.of("program_key", "kpi_key", "ordinal", "source_id", "section"));
		c.put("kpi_pillars", List.of("kpi_key", "pillar_key", "source_id", "section"));
		c.put("observations", List.of("kpi_key", "kind", "target_type", "period", "figure", "qualitative", "text", "source_id", "section"));
		c.put("budgets", List.of("program_key", "period", "figure", "source_id", "section"));
		c.put("policy_issues", List.of("issue_key", "plan_key", "area", "number", "title", "title_en", "policy_field", "impact",
				"urgency", "content", "background", "outcome", "summary", "quarterly_plan", "actions", "progress", "progress_as_of", "source_id", "section"));
		c.put("policy_issue_links", List.of("issue_key", "target_type", "target_key", "source_id", "section"));
		c.put("program_continuations", List.of("earlier_program_key", "program_key", "basis", "source_id", "section"));
		c.put("mentions", List.of("target_type", "target_key", "source_id", "section"));
		c.put("notes", List.of("target_type", "target_key", "topic", "text", "source_id", "section"));
		return c;
	}

}
