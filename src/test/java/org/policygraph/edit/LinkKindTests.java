package org.policygraph.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links editors make are the relationships of the dataset's files of relationships,
 * as the catalogue has them.
 */
class LinkKindTests {

	@Test
	void theLinkKindsAreTheSchemasLinkTypes() throws IOException {
		EnumTypeDefinition linkType = new SchemaParser().parse(Files.readString(Path.of("graphql", "edit.graphqls")))
			.getTypeOrNull("LinkType", EnumTypeDefinition.class);
		assertThat(Arrays.stream(LinkKind.values()).map(Enum::name).toList()).containsExactlyElementsOf(
				linkType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
	}

	/**
	 * program_measures.csv: program_key, measure_key, number, reposted (blank is false).
	 */
	@Test
	void aProgramIsListedUnderAMeasureWithItsNumberAndWhetherReposted() {
		assertThat(LinkKind.PROGRAM_MEASURE.type()).isEqualTo("LISTED_UNDER");
		assertThat(LinkKind.PROGRAM_MEASURE.fromLabel()).isEqualTo("Program");
		assertThat(LinkKind.PROGRAM_MEASURE.toLabels()).containsExactly("Measure");
		assertThat(LinkKind.PROGRAM_MEASURE.carries("number")).isTrue();
		assertThat(LinkKind.PROGRAM_MEASURE.carries("reposted")).isTrue();
		assertThat(LinkKind.PROGRAM_MEASURE.carries("ordinal")).isFalse();
		assertThat(LinkKind.PROGRAM_MEASURE.defaults()).isEqualTo(Map.of("reposted", false));
	}

	@Test
	void aPolicyIssueConcernsAnyNodeATargetTypeMayName() {
		assertThat(LinkKind.POLICY_ISSUE_CONCERNS.type()).isEqualTo("CONCERNS");
		assertThat(LinkKind.POLICY_ISSUE_CONCERNS.toLabels()).containsExactlyElementsOf(List.of("Plan", "Pillar",
				"Measure", "Program", "Organization", "PartnerBody", "Facility", "Kpi", "PolicyIssue", "Milestone"));
		assertThat(LinkKind.POLICY_ISSUE_CONCERNS.defaults()).isEmpty();
	}

}
