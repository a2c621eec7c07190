package org.policygraph.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.edit.EditInputs.CellInput;
import org.policygraph.edit.EditInputs.RowsInput;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.history.ImportRun;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.importing.ImportFailedException;
import org.policygraph.importing.ImportProblem;
import org.policygraph.security.Actor;
import org.policygraph.security.Editors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The mutation that writes rows of any table of the dataset: an edit that is an import of
 * its rows, merged by {@link DatasetImporter#importRows} with the upload's cleaning,
 * keys, checks, error codes and change record, in one transaction.
 */
@Controller
class RowsGraphQlController {

	private final Editors editors;

	private final DatasetImporter importer;

	RowsGraphQlController(Editors editors, DatasetImporter importer) {
		this.editors = editors;
		this.importer = importer;
	}

	@MutationMapping
	ImportRun upsertRows(@Argument RowsInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = new InputProblems();
		List<Map<String, String>> rows = new ArrayList<>();
		for (int r = 0; r < input.rows().size(); r++) {
			Map<String, String> cells = new LinkedHashMap<>();
			List<CellInput> row = input.rows().get(r);
			for (int c = 0; c < row.size(); c++) {
				CellInput cell = row.get(c);
				if (cells.put(cell.column(), (cell.value() != null) ? cell.value() : "") != null) {
					problems.add(ErrorCode.BAD_VALUE, "input.rows[" + r + "][" + c + "].column",
							"the row names the column '" + cell.column() + "' twice");
				}
			}
			rows.add(cells);
		}
		problems.check();
		try {
			return this.importer.importRows(actor, ImportRun.ROWS_OPERATION, input.table(), rows,
					Boolean.TRUE.equals(input.dryRun()));
		}
		catch (ImportFailedException ex) {
			throw new RowsRefused(input.table(), ex.problems());
		}
	}

	/**
	 * Rows the import refuses: {@code IMPORT_INVALID}, as a refused upload, with each
	 * problem's table, row (its place in {@code input.rows}, 1 upwards), column and the
	 * import's code.
	 */
	static final class RowsRefused extends ApiException {

		private final List<Map<String, Object>> problems;

		RowsRefused(String table, List<ImportProblem> problems) {
			super(ErrorCode.IMPORT_INVALID, message(problems), field(problems.getFirst()));
			this.problems = problems.stream().map(p -> problem(table, p)).toList();
		}

		@Override
		public List<Map<String, Object>> problems() {
			return this.problems;
		}

		private static Map<String, Object> problem(String table, ImportProblem p) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("table", table);
			problem.put("row", p.row());
			problem.put("column", p.column());
			problem.put("code", p.code().name());
			problem.put("message", p.message());
			problem.put("field", field(p));
			return problem;
		}

		/** Where the problem is in the input: a row, a row's cell, or the whole input. */
		private static String field(ImportProblem p) {
			if (p.row() <= 0) {
				return "input";
			}
			return "input.rows[" + (p.row() - 1) + "]" + ((p.column() != null) ? "." + p.column() : "");
		}

		private static String message(List<ImportProblem> problems) {
			StringBuilder text = new StringBuilder(problems.size() + " problem(s) in the rows; nothing was written: ");
			for (int i = 0; i < problems.size(); i++) {
				text.append((i == 0) ? "" : "; ").append(problems.get(i));
			}
			return text.toString();
		}

	}

}
