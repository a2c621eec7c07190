package org.policygraph.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's operations (src/main/resources/explore/operations/*.graphql) are the
 * page's whole use of the API: each must be one valid query of the schema, short enough
 * to go by GET, and each one the page names must exist.
 */
class ExplorerOperationsTests {

	private static final Path OPERATIONS = Path.of("src/main/resources/explore/operations");

	private static final Path PAGE = Path.of("src/main/resources/explore");

	private static GraphQLSchema schema;

	@BeforeAll
	static void readSchema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			files.filter(f -> f.toString().endsWith(".graphqls"))
				.sorted()
				.forEach(f -> registry.merge(new SchemaParser().parse(read(f))));
		}
		schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	static List<Path> operations() throws IOException {
		try (Stream<Path> files = Files.list(OPERATIONS)) {
			return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void everyOperationIsOneNamedQueryValidAgainstTheSchema(Path file) {
		Document document = Parser.parse(read(file));
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		assertThat(operations).singleElement().satisfies(operation -> {
			assertThat(operation.getOperation()).isEqualTo(OperationDefinition.Operation.QUERY);
			assertThat(operation.getName()).startsWith("Explore");
		});
		List<ValidationError> errors = new Validator().validateDocument(schema, document, java.util.Locale.ENGLISH);
		assertThat(errors).as(file.toString()).isEmpty();
	}

	/**
	 * api.js sends a query by GET while its query string stays within 4,000 characters
	 * (the endpoint takes 4,096): every operation must fit with room for its variables,
	 * so that its answers can be cached.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void everyOperationFitsInAGetRequest(Path file) {
		String encoded = URLEncoder.encode(read(file), StandardCharsets.UTF_8);
		assertThat(encoded.length()).as(file.toString()).isLessThan(3_000);
	}

	@Test
	void everyOperationThePageNamesIsAFileAndEveryFileIsUsed() throws IOException {
		StringBuilder scripts = new StringBuilder();
		try (Stream<Path> files = Files.list(PAGE)) {
			files.filter(f -> f.toString().endsWith(".js")).forEach(f -> scripts.append(read(f)));
		}
		Matcher named = Pattern.compile("query\\('([a-z-]+)'").matcher(scripts);
		List<String> used = named.results().map(match -> match.group(1)).distinct().sorted().toList();
		List<String> files = operations().stream()
			.map(f -> f.getFileName().toString().replace(".graphql", ""))
			.sorted()
			.toList();
		assertThat(used).containsExactlyInAnyOrderElementsOf(files);
	}

	@Test
	void thePageLoadsNothingButItsOwnFilesAndHasNoInlineScript() {
		String page = read(PAGE.resolve("index.html"));
		assertThat(page).doesNotContain("://").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
		assertThat(page).doesNotContain("style=");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
