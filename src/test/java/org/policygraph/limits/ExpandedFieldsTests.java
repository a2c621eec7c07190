package org.policygraph.limits;

import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandedFieldsTests {

	static long count(String text, long limit) {
		Document document = Parser.parse(text);
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
		return ExpandedFields.count(operation.getSelectionSet(), fragments, limit);
	}

	@Test
	void everyFieldAtEveryLevelCountsOnce() {
		assertThat(count("{ plans { id name pillars { id } } }", 100)).isEqualTo(5);
	}

	@Test
	void aFragmentCountsItsFieldsForEverySpreadOfItAndAnInlineFragmentItsOwn() {
		assertThat(count("""
				{ plans { ...P ...P ... on Plan { id } } }
				fragment P on Plan { id name }""", 100)).isEqualTo(1 + 2 + 2 + 1);
	}

	@Test
	void equalFieldsAreCountedBeforeTheyAreMerged() {
		assertThat(count("{ plans { id id id } }", 100)).isEqualTo(4);
	}

	@Test
	void aFragmentBombStopsAtTheLimitWithoutBeingExpanded() {
		// ten fragments each spreading the next ten times: 10^10 copies of id
		StringBuilder text = new StringBuilder("{ plans { ...F0 } }\n");
		for (int i = 0; i < 10; i++) {
			text.append("fragment F")
				.append(i)
				.append(" on Plan {")
				.append((" ...F" + (i + 1)).repeat(10))
				.append(" }\n");
		}
		text.append("fragment F10 on Plan { id }\n");
		assertThat(count(text.toString(), 1000)).isEqualTo(1001);
	}

	@Test
	void aFragmentThatSpreadsItselfOrIsUnknownIsPastTheLimit() {
		assertThat(count("{ plans { ...A } } fragment A on Plan { id ...A }", 1000)).isEqualTo(1001);
		assertThat(count("{ plans { ...Missing } }", 1000)).isEqualTo(1001);
	}

}
