package org.policygraph.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.execution.RawVariables;
import graphql.execution.TypeFromAST;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCostTests {

	static final GraphQLSchema SCHEMA = schema();

	static final int DEFAULT_FIRST = 20;

	static final int ASSUMED = 10;

	static QueryCost cost(String document, Map<String, Object> variables) {
		var operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(SCHEMA,
				Parser.parse(document), null, RawVariables.of(variables));
		return QueryCost.of(operation, SCHEMA, DEFAULT_FIRST, ASSUMED);
	}

	static QueryCost cost(String document) {
		return cost(document, Map.of());
	}

	@Test
	void aConnectionCostsItsFirstAndItsEdgesAddNothing() {
		assertThat(cost("{ programs(first: 50) { edges { node { id name } } } }")).isEqualTo(new QueryCost(4, 50));
	}

	@Test
	void aConnectionWithoutFirstCostsTheDefaultPageSize() {
		assertThat(cost("{ programs { totalCount edges { cursor } } }").cost()).isEqualTo(DEFAULT_FIRST);
	}

	@Test
	void firstGivenAsAVariableCounts() {
		assertThat(cost("query($n: Int) { kpis(first: $n) { edges { node { id } } } }", Map.of("n", 7)).cost())
			.isEqualTo(7);
	}

	@Test
	void plainListsAssumeTheirSizeAndMultiplyDownTheTree() {
		// plans 10, pillars 10 per plan, measures 10 per pillar
		assertThat(cost("{ plans { pillars { measures { name } } } }"))
			.isEqualTo(new QueryCost(4, 10 + 10 * 10 + 10 * 10 * 10));
	}

	@Test
	void listsUnderAConnectionMultiplyByItsPage() {
		// 5 programs, 10 KPIs each, 10 observations per KPI
		assertThat(cost("{ programs(first: 5) { edges { node { kpis { observations { value } } } } } }").cost())
			.isEqualTo(5 + 5 * 10 + 5 * 10 * 10);
	}

	@Test
	void singleObjectsCostNothingButRepeatWithTheirParent() {
		// 3 hits, each with one node and one program's organization: no list below the
		// hits
		assertThat(cost("{ search(text: \"x\", first: 3) { node { id } } }").cost()).isEqualTo(3);
		assertThat(cost("{ node(id: \"x\") { id } }")).isEqualTo(new QueryCost(2, 0));
	}

	@Test
	void fragmentsOnDifferentTypesExcludeEachOther() {
		// a hit is a Program (10 KPIs) or a Pillar (10 measures and 10 programs), never
		// both: the Pillar costs more
		String query = """
				{ search(text: "x", first: 4) { node {
				    ... on Program { kpis { name } }
				    ... on Pillar { measures { name } programs { name } } } } }""";
		assertThat(cost(query).cost()).isEqualTo(4 + 4 * (10 + 10));
	}

	@Test
	void depthCountsTheDeepestFieldFromOne() {
		assertThat(cost("{ organizations { children { children { children { name } } } } }").depth()).isEqualTo(5);
	}

	@Test
	void introspectionCountsNeitherDepthNorCost() {
		assertThat(cost("{ __schema { types { fields { type { ofType { ofType { name } } } } } } plans { id } }"))
			.isEqualTo(new QueryCost(2, 10));
	}

	@Test
	void fieldsAskedTwiceAreMergedAsGraphQlExecutesThem() {
		assertThat(cost("{ plans { id } plans { name } }").cost()).isEqualTo(10);
	}

	@Test
	void everyShippedDocumentStaysWithinTheDefaultLimits() throws IOException {
		LimitsProperties defaults = defaults();
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("graphql/examples")),
				Files.list(Path.of("src/test/resources/graphql-test")))) {
			files.filter(f -> f.toString().endsWith(".graphql")).sorted().forEach(file -> {
				String text = read(file);
				var document = Parser.parse(text);
				DocumentCounts counts = DocumentCounts.of(document);
				var operation = ExecutableNormalizedOperationFactory
					.createExecutableNormalizedOperationWithRawVariables(SCHEMA, document, null,
							RawVariables.of(requiredVariables(document)));
				QueryCost cost = QueryCost.of(operation, SCHEMA, DEFAULT_FIRST, defaults.assumedListSize());
				assertThat(cost.depth()).as(file.toString()).isLessThanOrEqualTo(defaults.maxDepth());
				assertThat(cost.cost()).as(file.toString()).isLessThanOrEqualTo(defaults.maxCost());
				assertThat(text.length()).as(file.toString()).isLessThanOrEqualTo(defaults.maxCharacters());
				assertThat(counts.aliases()).as(file.toString()).isLessThanOrEqualTo(defaults.maxAliases());
				assertThat(counts.operations()).as(file.toString()).isLessThanOrEqualTo(defaults.maxOperations());
				assertThat(counts.directives()).as(file.toString()).isLessThanOrEqualTo(defaults.maxDirectives());
			});
		}
	}

	/**
	 * A value for every non-null variable without a default; the cost does not depend on
	 * which.
	 */
	private static Map<String, Object> requiredVariables(Document document) {
		Map<String, Object> values = new HashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			for (VariableDefinition variable : operation.getVariableDefinitions()) {
				if (variable.getType() instanceof NonNullType && variable.getDefaultValue() == null) {
					values.put(variable.getName(),
							placeholder((GraphQLInputType) TypeFromAST.getTypeFromAST(SCHEMA, variable.getType())));
				}
			}
		}
		return values;
	}

	private static Object placeholder(GraphQLInputType type) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList) {
			return List.of();
		}
		if (unwrapped instanceof GraphQLEnumType enumType) {
			return enumType.getValues().getFirst().getName();
		}
		if (unwrapped instanceof GraphQLInputObjectType object) {
			Map<String, Object> fields = new HashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
					fields.put(field.getName(), placeholder(field.getType()));
				}
			}
			return fields;
		}
		return switch (((GraphQLScalarType) unwrapped).getName()) {
			case "Int", "Long" -> 2026;
			case "Float" -> 1.0;
			case "Boolean" -> true;
			default -> "x";
		};
	}

	static LimitsProperties defaults() {
		return new org.springframework.boot.context.properties.bind.Binder().bindOrCreate("policygraph.limits",
				LimitsProperties.class);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			files.filter(f -> f.toString().endsWith(".graphqls"))
				.forEach(f -> registry.merge(new SchemaParser().parse(read(f))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

}
