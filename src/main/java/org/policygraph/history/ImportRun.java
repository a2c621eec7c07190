package org.policygraph.history;

import java.util.List;
import java.util.Set;

/**
 * An upload's report, as the API shows it and as a real run's change record keeps it
 * (JSON).
 *
 * @param id the run's id; for a real run, also its change record's
 * @param at when it ran (ISO-8601, UTC)
 * @param actor who ran it ({@code sub@iss})
 * @param files the files read
 * @param dryRun whether nothing was kept
 * @param succeeded whether the data was valid (and, unless a dry run, written)
 * @param counts what it did per label and type
 * @param problems every problem found
 * @param mode {@code MERGE} (the upload's rows are upserted, the rest of the graph left
 * alone) or {@code REPLACE} (the upload is the whole dataset); runs recorded before there
 * were modes were {@code REPLACE}
 * @param tables for a merge, what the upload changes in each of its tables, compared with
 * the graph before it; empty for a replace
 */
public record ImportRun(String id, String at, String actor, List<String> files, boolean dryRun, boolean succeeded,
		List<Count> counts, List<Problem> problems, String mode, List<TableChanges> tables) {

	/** The operation of the mutation that merges rows of a table (upsertRows). */
	public static final String ROWS_OPERATION = "upsertRows";

	/**
	 * The operations whose change records keep an import's report: an upload (or the
	 * start-up load) and the mutation that merges rows.
	 */
	public static final Set<String> OPERATIONS = Set.of("import", ROWS_OPERATION);

	public ImportRun {
		mode = (mode != null) ? mode : "REPLACE";
		tables = (tables != null) ? tables : List.of();
	}

	/**
	 * The report as a reader without an editor's token sees it: the uploader shows as
	 * {@value HistoryEntry#PUBLIC_ACTOR}, and each problem keeps where it is and its code
	 * but not its message, which may quote the refused values (an unpublished budget, a
	 * name).
	 */
	ImportRun forPublic() {
		return new ImportRun(this.id, this.at,
				HistoryEntry.isEditors(this.actor) ? HistoryEntry.PUBLIC_ACTOR : this.actor, this.files, this.dryRun,
				this.succeeded, this.counts,
				(this.problems != null) ? this.problems.stream().map(Problem::forPublic).toList() : List.of(),
				this.mode, this.tables.stream().map(TableChanges::forPublic).toList());
	}

	/**
	 * What a run did with one node label or relationship type.
	 *
	 * @param kind NODE or RELATIONSHIP
	 * @param name the label or relationship type
	 * @param rows rows in the input
	 * @param created new in the graph
	 * @param updated already there with other properties
	 * @param unchanged already there exactly as given
	 */
	public record Count(String kind, String name, long rows, long created, long updated, long unchanged) {
	}

	public record Problem(String file, int row, String column, String code, String message) {

		static final String HIDDEN = "shown to editors only: the message may quote the uploaded value";

		Problem forPublic() {
			return new Problem(this.file, this.row, this.column, this.code, this.code + "; " + HIDDEN);
		}

	}

	/**
	 * What an upload merged into the graph changes in one of its tables, row by row, by
	 * the table's key columns.
	 *
	 * @param table the table ({@code observations})
	 * @param rows rows in the upload
	 * @param added rows whose key the graph does not hold
	 * @param changed rows the graph holds with other values
	 * @param unchanged rows the graph holds exactly so
	 * @param notInUpload rows the graph holds that the upload leaves out; a merge keeps
	 * them
	 * @param changes each added and each changed row, with the cells that differ
	 * @param notInUploadKeys the keys of the rows left out
	 */
	public record TableChanges(String table, long rows, long added, long changed, long unchanged, long notInUpload,
			List<RowChange> changes, List<String> notInUploadKeys) {

		/**
		 * Without the cells' values, which may quote what is not yet published, as a
		 * problem's message.
		 */
		TableChanges forPublic() {
			return new TableChanges(this.table, this.rows, this.added, this.changed, this.unchanged, this.notInUpload,
					this.changes.stream()
						.map(c -> new RowChange(c.row(), c.key(), c.added(),
								c.cells().stream().map(cell -> new CellChange(cell.column(), null, null)).toList()))
						.toList(),
					this.notInUploadKeys);
		}

	}

	/**
	 * A row of the upload that adds to the graph or changes it.
	 *
	 * @param row its row number in the file (the header is row 1)
	 * @param key its key, its key columns' cells joined by {@code |}
	 * @param added whether the graph holds no row with its key
	 * @param cells the cells that differ from the graph's (for an added row, every cell
	 * it fills)
	 */
	public record RowChange(int row, String key, boolean added, List<CellChange> cells) {
	}

	/** A cell, as the graph's row has it and as the upload's. */
	public record CellChange(String column, String before, String after) {
	}

}
