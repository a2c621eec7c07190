package org.policygraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic municipalities: reproducible, independent of the scale, in the dataset's
 * files.
 */
class MunicipalityGeneratorTests {

	@TempDir
	Path root;

	@Test
	void theSameSeedWritesTheSameMunicipalityWhateverElseWasWritten() throws Exception {
		MunicipalityGenerator generator = new MunicipalityGenerator(7, MunicipalityGenerator.Shape.TINY);
		Path alone = generator.write(this.root.resolve("a"), 2).folder();
		generator.write(this.root.resolve("b"), 1);
		Path afterAnother = generator.write(this.root.resolve("b"), 2).folder();
		for (Path file : files(alone)) {
			assertThat(afterAnother.resolve(file.getFileName())).hasSameBinaryContentAs(file);
		}
		Path otherSeed = new MunicipalityGenerator(8, MunicipalityGenerator.Shape.TINY).write(this.root.resolve("c"), 2)
			.folder();
		assertThat(Files.readString(otherSeed.resolve("programs.csv")))
			.isNotEqualTo(Files.readString(alone.resolve("programs.csv")));
	}

	@Test
	void aMunicipalityHasEveryFileOfTheDatasetAndACitysShape() throws Exception {
		MunicipalityGenerator.Written written = new MunicipalityGenerator(7, MunicipalityGenerator.Shape.CITY)
			.write(this.root, 1);
		try (Stream<Path> data = Files.list(Path.of("data"))) {
			List<String> datasetFiles = data.map(path -> path.getFileName().toString())
				.filter(name -> name.endsWith(".csv") && !name.equals("manifest.csv"))
				.toList();
			assertThat(files(written.folder())).extracting(path -> path.getFileName().toString())
				.containsExactlyInAnyOrderElementsOf(datasetFiles);
		}
		assertThat(written.rows()).containsEntry("pillars", 3)
			.containsEntry("measures", 40)
			.containsEntry("programs", 1300)
			.containsEntry("organizations", 100)
			.containsEntry("partner_bodies", 4)
			// every second program has a second KPI; every twentieth is listed again
			// under another pillar's measure
			.containsEntry("kpis", 1950)
			.containsEntry("program_measures", 1300 + 65)
			// a baseline, seven actuals, a target for R8 and one by R10 per KPI; three
			// years of budgets per program
			.containsEntry("observations", 1950 * 10)
			.containsEntry("budgets", 1300 * 3);
	}

	private static List<Path> files(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

}
