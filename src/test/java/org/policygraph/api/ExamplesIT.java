package org.policygraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example operation kept for front-end teams in {@code graphql/examples/} runs
 * without an error.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesIT {

	@Autowired
	HttpGraphQlTester graphQl;

	static Stream<Path> examples() throws IOException {
		return Files.list(Path.of("graphql/examples")).filter(f -> f.toString().endsWith(".graphql")).sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleRunsWithoutErrorsAndAnswersData(Path example) throws IOException {
		String document = Files.readString(example, StandardCharsets.UTF_8);
		var response = this.graphQl.document(document).execute();
		response.errors().verify();
		response.path("").entity(java.util.Map.class).satisfies(data -> assertThat(data).isNotEmpty());
	}

	/**
	 * Relay's compiler refuses a document whose non-null variable has a default
	 * ({@code $text: String! = "多文化"}); GraphQL lets a nullable variable with a default
	 * stand where a non-null value is needed.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleGivesNoNonNullVariableADefault(Path example) throws IOException {
		Document document = Parser.parse(Files.readString(example, StandardCharsets.UTF_8));
		assertThat(document.getDefinitionsOfType(OperationDefinition.class))
			.flatMap(OperationDefinition::getVariableDefinitions)
			.filteredOn(variable -> variable.getType() instanceof NonNullType)
			.allSatisfy(variable -> assertThat(variable.getDefaultValue()).as("$" + variable.getName()).isNull());
	}

	/**
	 * Relay's compiler takes an operation only from a {@code graphql`…`} tag in a module
	 * whose name starts the operation's, and only when that name ends in Query; its
	 * extractor ends the tag at any backtick, even in a comment, and then compiles
	 * nothing without a word. So each example is one query named {@code <module>Query}
	 * that can be pasted into a tag as it is (clients/relay.mjs compiles them all).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleIsOneQueryNamedAsRelayAsksAndPastesIntoATemplate(Path example) throws IOException {
		String text = Files.readString(example, StandardCharsets.UTF_8);
		assertThat(Parser.parse(text).getDefinitionsOfType(OperationDefinition.class)).singleElement()
			.satisfies(operation -> {
				assertThat(operation.getOperation()).isEqualTo(OperationDefinition.Operation.QUERY);
				assertThat(operation.getName()).endsWith("Query");
			});
		assertThat(text).doesNotContain("`").doesNotContain("${");
	}

}
