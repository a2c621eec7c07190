package org.policygraph.alias;

import java.util.List;
import java.util.Map;

import org.policygraph.issue.PolicyIssue;
import org.policygraph.kpi.Kpi;
import org.policygraph.organization.Facility;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Milestone;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.program.Program;
import org.policygraph.reading.Batches;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code aliases} field (別表記) of every node type a document can give another name:
 * one field with one reading, so it lives here rather than in each feature.
 */
@Controller
class AliasGraphQlController {

	private final AliasRepository aliases;

	AliasGraphQlController(AliasRepository aliases) {
		this.aliases = aliases;
	}

	/**
	 * One mapping on the interface: Spring for GraphQL applies it to every type
	 * implementing {@code Node}. A batch may hold parents of several types, so each is
	 * keyed by its label and key, as the repository answers.
	 */
	@BatchMapping(typeName = "Node", field = "aliases")
	Map<Object, List<Alias>> aliases(List<Object> nodes) {
		return Batches.lists(nodes, AliasGraphQlController::labelledKey, this.aliases::find);
	}

	private static String labelledKey(Object node) {
		return switch (node) {
			case Plan n -> AliasRepository.labelledKey("Plan", n.id());
			case Pillar n -> AliasRepository.labelledKey("Pillar", n.id());
			case Measure n -> AliasRepository.labelledKey("Measure", n.id());
			case Milestone n -> AliasRepository.labelledKey("Milestone", n.id());
			case Program n -> AliasRepository.labelledKey("Program", n.id());
			case Organization n -> AliasRepository.labelledKey("Organization", n.id());
			case PartnerBody n -> AliasRepository.labelledKey("PartnerBody", n.id());
			case Facility n -> AliasRepository.labelledKey("Facility", n.id());
			case Kpi n -> AliasRepository.labelledKey("Kpi", n.id());
			case PolicyIssue n -> AliasRepository.labelledKey("PolicyIssue", n.id());
			default -> throw new IllegalStateException("No aliases are read for " + node.getClass().getName());
		};
	}

}
