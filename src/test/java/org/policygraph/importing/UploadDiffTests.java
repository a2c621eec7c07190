package org.policygraph.importing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.history.ImportRun;
import org.policygraph.model.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload compared with the graph's rows, as the exporter writes them. Rows from
 * data/program_measures.csv and data/programs.csv (line 2 of each).
 */
class UploadDiffTests {

	@Test
	void aCellTheImportWouldStoreTheSameIsNoChange() {
		// a blank reposted is false, as the import stores it; 01 is the number 1
		Table upload = table("program_measures", row(2, "prog-megaregion", "ms-sv-megaregion", "01", "",
				"shin-vision-r8-programs", "Ⅰ/No.1 メガリージョン推進事業"));
		ImportRun.TableChanges changes = UploadDiff.compare(upload, List.of(List.of("prog-megaregion",
				"ms-sv-megaregion", "1", "false", "shin-vision-r8-programs", "Ⅰ/No.1 メガリージョン推進事業")));
		assertThat(changes.unchanged()).isEqualTo(1);
		assertThat(changes.changes()).isEmpty();
	}

	@Test
	void aChangedRowNamesItsCellsBeforeAndAfterAndTheGraphsOtherRowsAreNotInTheUpload() {
		Table upload = table("program_measures",
				row(2, "prog-megaregion", "ms-sv-megaregion", "2", "true", "shin-vision-r8-programs",
						"Ⅰ/No.1 メガリージョン推進事業"),
				row(3, "prog-new", "ms-sv-megaregion", "", "", "shin-vision-r8-programs", "Ⅰ/No.1"));
		ImportRun.TableChanges changes = UploadDiff.compare(upload,
				List.of(List.of("prog-megaregion", "ms-sv-megaregion", "1", "false", "shin-vision-r8-programs",
						"Ⅰ/No.1 メガリージョン推進事業"),
						List.of("prog-other", "ms-sv-megaregion", "", "false", "shin-vision-r8-programs", "Ⅰ")));
		assertThat(changes.rows()).isEqualTo(2);
		assertThat(changes.changed()).isEqualTo(1);
		assertThat(changes.added()).isEqualTo(1);
		assertThat(changes.notInUpload()).isEqualTo(1);
		assertThat(changes.notInUploadKeys()).containsExactly("prog-other|ms-sv-megaregion");
		assertThat(changes.changes().getFirst().key()).isEqualTo("prog-megaregion|ms-sv-megaregion");
		assertThat(changes.changes().getFirst().cells()).containsExactly(new ImportRun.CellChange("number", "1", "2"),
				new ImportRun.CellChange("reposted", "false", "true"));
		assertThat(changes.changes().get(1).added()).isTrue();
		assertThat(changes.changes().get(1).row()).isEqualTo(3);
	}

	@Test
	void aRowIsKnownByItsKeyColumns() {
		assertThat(UploadDiff.keyColumns(Catalogue.table("observations"))).containsExactly("kpi_key", "kind",
				"target_type", "period", "source_id");
		assertThat(UploadDiff.keyColumns(Catalogue.table("program_measures"))).containsExactly("program_key",
				"measure_key");
		// a further citation of a node: one per section of a source
		assertThat(UploadDiff.keyColumns(Catalogue.table("mentions"))).containsExactly("target_type", "target_key",
				"source_id", "section");
	}

	@Test
	void spacesPdfExtractionPutInsideJapaneseAreNoChangeOfACleanedColumn() {
		// a program's name is cleaned text (data/programs.csv line 2: メガリージョン推進事業)
		Table upload = table("programs",
				row(2, "prog-megaregion", "メガリージョン 推進事業", "", "", "shin-vision-r8-programs", "Ⅰ/No.1"));
		ImportRun.TableChanges changes = UploadDiff.compare(upload,
				List.of(List.of("prog-megaregion", "メガリージョン推進事業", "", "", "shin-vision-r8-programs", "Ⅰ/No.1")));
		assertThat(changes.unchanged()).isEqualTo(1);
	}

	private static Table table(String name, Cells... rows) {
		List<String> columns = Catalogue.table(name).columnNames();
		List<Table.Row> read = Arrays.stream(rows).map(r -> {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < r.cells().length; i++) {
				if (!r.cells()[i].isEmpty()) {
					values.put(columns.get(i), r.cells()[i]);
				}
			}
			return new Table.Row(r.number(), values, r.cells().length);
		}).toList();
		return new Table(name, name + ".csv", columns, read);
	}

	/** A row's cells in its table's column order, as read: blank cells become absent. */
	private static Cells row(int number, String... cells) {
		return new Cells(number, cells);
	}

	private record Cells(int number, String[] cells) {
	}

}
