package org.policygraph.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's enums are the schema's: one list of values, whichever way a value comes in.
 */
class SchemaEnumsTests {

	static TypeDefinitionRegistry schema;

	@BeforeAll
	static void parseTheSchema() throws IOException {
		schema = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				schema.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
	}

	@Test
	void planKindIsTheSchemasPlanKind() {
		assertThat(Catalogue.names(PlanKind.class)).containsExactlyElementsOf(values("PlanKind"));
	}

	@Test
	void organizationKindIsTheSchemasOrganizationKind() {
		assertThat(Catalogue.names(OrganizationKind.class)).containsExactlyElementsOf(values("OrganizationKind"));
	}

	@Test
	void directionIsTheSchemasDirection() {
		assertThat(Catalogue.names(Direction.class)).containsExactlyElementsOf(values("Direction"));
	}

	@Test
	void observationKindIsTheSchemasObservationKind() {
		assertThat(Catalogue.names(ObservationKind.class)).containsExactlyElementsOf(values("ObservationKind"));
	}

	@Test
	void targetTypeIsTheSchemasTargetType() {
		assertThat(Catalogue.names(TargetType.class)).containsExactlyElementsOf(values("TargetType"));
	}

	@Test
	void qualitativeIsTheSchemasQualitative() {
		assertThat(Catalogue.names(Qualitative.class)).containsExactlyElementsOf(values("Qualitative"));
	}

	/**
	 * The schema keeps a policy issue's area a String (a filter names it); its
	 * description lists the values.
	 */
	@Test
	void areaIsEveryValueThePolicyIssuesAreaDescriptionNames() {
		FieldDefinition area = schema.getTypeOrNull("PolicyIssue", ObjectTypeDefinition.class)
			.getFieldDefinitions()
			.stream()
			.filter(f -> f.getName().equals("area"))
			.findFirst()
			.orElseThrow();
		// "Area (課題領域): A (現場改善), B (変革の実行), C (将来への着手)."
		List<String> described = Stream.of(area.getDescription().getContent().split(":", 2)[1].split(","))
			.map(value -> value.strip().split(" ")[0])
			.toList();
		assertThat(Catalogue.names(Area.class)).containsExactlyElementsOf(described);
	}

	@Test
	void theCataloguesEnumColumnsAllowTheSchemasValuesAndOnlyThose() {
		assertThat(Catalogue.table("plans").column("kind").values()).containsExactlyElementsOf(values("PlanKind"));
		assertThat(Catalogue.table("kpis").column("direction").values()).containsExactlyElementsOf(values("Direction"));
		assertThat(Catalogue.table("observations").column("qualitative").values())
			.containsExactlyElementsOf(values("Qualitative"));
		// a file leaves an unknown kind blank; UNKNOWN is the API's word for that
		assertThat(Catalogue.table("organizations").column("kind").values())
			.containsExactlyElementsOf(values("OrganizationKind").stream().filter(v -> !v.equals("UNKNOWN")).toList());
	}

	/** upsertRows names its table by the file, as the catalogue lists the files. */
	@Test
	void datasetTableIsTheCataloguesFilesInReadingOrder() {
		assertThat(Catalogue.columns().keySet()).containsExactlyElementsOf(values("DatasetTable"));
	}

	static List<String> values(String enumType) {
		EnumTypeDefinition type = schema.getTypeOrNull(enumType, EnumTypeDefinition.class);
		assertThat(type).as("enum %s in graphql/*.graphqls", enumType).isNotNull();
		return type.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
	}

}
