package org.policygraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Catalogue;
import org.policygraph.model.TextCleaner;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every column of every file of the catalogue goes into the graph and comes back out: the
 * export of the packaged dataset gives back each file of {@code data/}, row for row (in
 * the export's order, not necessarily the file's), cell for cell (a column the catalogue
 * cleans as cleaned, {@link TextCleaner}).
 */
@PolicyGraphIntegrationTest
@PackagedDataset
class ExportEqualsDataIT {

	@Autowired
	DatasetExporter exporter;

	@Test
	void eachExportedFileHoldsTheRowsOfItsDataFile() throws IOException {
		SoftAssertions softly = new SoftAssertions();
		for (Catalogue.TableType table : Catalogue.TABLES) {
			List<String> data = rows(table,
					Files.readString(Path.of("data", table.name() + ".csv"), StandardCharsets.UTF_8), true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.exporter.writeCsv(table.name(), out);
			List<String> exported = rows(table, out.toString(StandardCharsets.UTF_8), false);
			softly.assertThat(exported).as(table.name()).containsExactlyInAnyOrderElementsOf(data);
		}
		softly.assertAll();
	}

	/**
	 * A file's rows, header included, each as its cells read the way the importer reads
	 * them (stripped, a formula's escape removed; in a data file, a column the catalogue
	 * cleans cleaned) and joined by a tab.
	 */
	private static List<String> rows(Catalogue.TableType table, String csv, boolean clean) throws IOException {
		List<String> rows = new ArrayList<>();
		for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.replace("\uFEFF", "")))) {
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < record.size(); c++) {
				String cell = TableReader.unescapeCsvCell(record.get(c));
				boolean cleaned = clean && record.getRecordNumber() > 1
						&& table.columns().get(c).rule() == Catalogue.Rule.CLEANED_TEXT;
				cells.add(cleaned ? TextCleaner.clean(cell) : cell);
			}
			rows.add(String.join("\t", cells));
		}
		return rows;
	}

}
