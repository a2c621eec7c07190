package org.policygraph.importing;

/**
 * One thing wrong with an import: where (file or sheet, row, column) and why, with a
 * stable code.
 *
 * @param file the file or sheet name, e.g. {@code observations.csv}
 * @param row the 1-based row in that file (the header is row 1); 0 when the problem is
 * the whole file
 * @param column the column name, or null
 * @param code a stable code, e.g. {@code UNKNOWN_UNIT}
 * @param message what is wrong, for a person
 */
public record ImportProblem(String file, int row, String column, Code code, String message) {

	public enum Code {

		MISSING_FILE, UNKNOWN_FILE, EMPTY_FILE, BAD_ENCODING, UNREADABLE_FILE, MISSING_COLUMN, UNKNOWN_COLUMN,
		COLUMN_COUNT, REQUIRED, DUPLICATE_KEY, UNKNOWN_REFERENCE, BAD_VALUE, BAD_PERIOD, BAD_FIGURE, UNKNOWN_UNIT,
		BAD_INTEGER, BAD_BOOLEAN

	}

	@Override
	public String toString() {
		StringBuilder where = new StringBuilder(this.file);
		if (this.row > 0) {
			where.append(", row ").append(this.row);
		}
		if (this.column != null) {
			where.append(", column ").append(this.column);
		}
		return where + ": " + this.code + ": " + this.message;
	}

	/** The problem as the API shows it. */
	public org.policygraph.history.ImportRun.Problem toRun() {
		return new org.policygraph.history.ImportRun.Problem(this.file, this.row, this.column, this.code.name(),
				this.message);
	}

}
