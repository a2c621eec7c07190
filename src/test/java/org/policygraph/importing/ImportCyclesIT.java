package org.policygraph.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.importing.ImportProblem.Code;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An import may not make a node part of itself: not by its own rows (a cycle named at the
 * row that closes it) and not together with what the graph already holds. Either way
 * nothing is written, dry run or not.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCyclesIT {

	static final Path DATA = Path.of("data");

	@Autowired
	DatasetImporter importer;

	@Autowired
	Driver driver;

	@TempDir
	Path dir;

	List<String> graphBefore;

	@BeforeAll
	void loadDataset() {
		this.importer.importPackagedDataset(false);
	}

	@BeforeEach
	void copyDataset() throws IOException {
		try (Stream<Path> files = Files.list(DATA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("manifest.csv")).toList()) {
				Files.copy(file, this.dir.resolve(file.getFileName()));
			}
		}
		this.graphBefore = GraphFingerprint.of(this.driver);
	}

	@Test
	void rowsThatMakeTwoOrganizationsEachOthersParentAreRefusedAtTheClosingRow() throws IOException {
		// organization_parents.csv row 2: org-somu-bu (総務部) is part of org-seisaku-kyoku
		// (政策局)
		int row = append("organization_parents.csv", "org-seisaku-kyoku,org-somu-bu,x-houshin-r7,test");
		ImportProblem problem = single(refused(false));
		assertThat(problem).isEqualTo(new ImportProblem("organization_parents.csv", row, "parent_org_key",
				Code.BAD_VALUE,
				"org-somu-bu → org-seisaku-kyoku → org-somu-bu: an organization cannot be part of itself, directly or through others"));
	}

	@Test
	void anOrganizationThatIsItsOwnParentIsRefused() throws IOException {
		int row = append("organization_parents.csv", "org-somu-bu,org-somu-bu,x-houshin-r7,test");
		ImportProblem problem = single(refused(true));
		assertThat(problem.row()).isEqualTo(row);
		assertThat(problem.code()).isEqualTo(Code.BAD_VALUE);
		assertThat(problem.message()).startsWith("org-somu-bu → org-somu-bu: ");
	}

	@Test
	void measuresWhoseParentsFormALoopAreRefused() throws IOException {
		// measures.csv: ms-sousei-1-1-a1 is part of ms-sousei-1-1; make ms-sousei-1-1
		// part of ms-sousei-1-1-a1
		edit("measures.csv", csv -> csv.replaceFirst("(?m)^ms-sousei-1-1,plan-sousei,,",
				"ms-sousei-1-1,plan-sousei,ms-sousei-1-1-a1,"));
		ImportProblem problem = single(refused(false));
		assertThat(problem.file()).isEqualTo("measures.csv");
		assertThat(problem.column()).isEqualTo("parent_measure_key");
		assertThat(problem.message()).contains("ms-sousei-1-1 → ms-sousei-1-1-a1 → ms-sousei-1-1")
			.endsWith("a measure cannot be part of itself, directly or through others");
	}

	@Test
	void programsThatContinueEachOtherAreRefused() throws IOException {
		append("program_continuations.csv", "prog-smaraku,prog-megaregion,test,x-houshin-r7,test,test");
		int row = append("program_continuations.csv", "prog-megaregion,prog-smaraku,test,x-houshin-r7,test,test");
		ImportProblem problem = single(refused(false));
		// program_key continues earlier_program_key: the first row makes prog-megaregion
		// continue prog-smaraku
		assertThat(problem.row()).isEqualTo(row);
		assertThat(problem.column()).isEqualTo("earlier_program_key");
		assertThat(problem.message()).isEqualTo(
				"prog-megaregion → prog-smaraku → prog-megaregion: a program cannot continue itself, directly or through others");
	}

	@Test
	void anUploadThatClosesACycleWithTheGraphIsRefusedAndWritesNothing() throws IOException {
		// the graph holds org-somu-bu → org-seisaku-kyoku; this upload drops that row and
		// adds the reverse
		edit("organization_parents.csv",
				csv -> csv.replaceFirst("(?m)^org-somu-bu,org-seisaku-kyoku,", "org-seisaku-kyoku,org-somu-bu,"));
		for (boolean dryRun : List.of(true, false)) {
			ImportProblem problem = single(refused(dryRun));
			assertThat(problem.file()).isEqualTo("organization_parents.csv");
			assertThat(problem.row()).isEqualTo(2);
			assertThat(problem.column()).isEqualTo("parent_org_key");
			assertThat(problem.code()).isEqualTo(Code.BAD_VALUE);
			assertThat(problem.message()).startsWith("org-seisaku-kyoku → org-somu-bu → org-seisaku-kyoku: ")
				.contains("with what the graph already holds");
		}
	}

	List<ImportProblem> refused(boolean dryRun) {
		ImportFailedException refused = catchThrowableOfType(ImportFailedException.class,
				() -> this.importer.importDirectory(this.dir, dryRun));
		assertThat(refused).as("refused").isNotNull();
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(this.graphBefore);
		return refused.problems();
	}

	static ImportProblem single(List<ImportProblem> problems) {
		assertThat(problems).hasSize(1);
		return problems.getFirst();
	}

	/** Adds a row; its row number (the header is row 1). */
	int append(String file, String line) throws IOException {
		Path path = this.dir.resolve(file);
		String csv = Files.readString(path, StandardCharsets.UTF_8);
		String appended = (csv.endsWith("\n") ? csv : csv + "\n") + line + "\n";
		Files.writeString(path, appended, StandardCharsets.UTF_8);
		return (int) appended.lines().count();
	}

	void edit(String file, UnaryOperator<String> change) throws IOException {
		Path path = this.dir.resolve(file);
		String before = Files.readString(path, StandardCharsets.UTF_8);
		String after = change.apply(before);
		assertThat(after).as("the edit of " + file + " changed something").isNotEqualTo(before);
		Files.writeString(path, after, StandardCharsets.UTF_8);
	}

}
