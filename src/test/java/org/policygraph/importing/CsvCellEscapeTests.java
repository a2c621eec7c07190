package org.policygraph.importing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The exporter's escape for cells a spreadsheet would run, and the importer's reading of
 * it.
 */
class CsvCellEscapeTests {

	private static final Gen<String> STARTS = Generate
		.pick(List.of("=", "+", "-", "@", "'", "''", "＝", "＋", "－", "＠", "a", "北", ""));

	/** Text as the graph holds it: what the importer stored, without blanks around it. */
	private static final Gen<String> STORED = STARTS.zip(strings().allPossible().ofLengthBetween(0, 8), String::concat)
		.map(String::strip);

	@Test
	void anEscapedCellReadsBackAsTheTextItWasWrittenFrom() {
		qt().withExamples(5000)
			.forAll(STORED)
			.checkAssert(text -> assertThat(TableReader.unescapeCsvCell(DatasetExporter.escapeCsvCell(text)))
				.isEqualTo(text));
	}

	@Test
	void noEscapedCellStartsLikeAFormula() {
		qt().withExamples(5000).forAll(STORED).checkAssert(text -> {
			String cell = DatasetExporter.escapeCsvCell(text);
			assertThat(cell.isEmpty() || "=+-@\t\r＝＋－＠".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
		});
	}

	@Test
	void onlyCellsThatNeedItAreEscaped() {
		assertThat(DatasetExporter.escapeCsvCell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
		assertThat(DatasetExporter.escapeCsvCell("-3人")).isEqualTo("'-3人");
		assertThat(DatasetExporter.escapeCsvCell("'a")).isEqualTo("''a");
		assertThat(DatasetExporter.escapeCsvCell("稼げるまち")).isEqualTo("稼げるまち");
		assertThat(DatasetExporter.escapeCsvCell("a=b")).isEqualTo("a=b");
		qt().forAll(lists().of(Generate.pick(List.of("a", "北", "1", " ", "=", "-")))
			.ofSizeBetween(1, 5)
			.map(p -> "x" + String.join("", p)))
			.checkAssert(text -> assertThat(DatasetExporter.escapeCsvCell(text)).isEqualTo(text));
	}

}
