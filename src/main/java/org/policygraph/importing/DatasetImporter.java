package org.policygraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.policygraph.errors.Sizes;
import org.policygraph.graph.GraphWriteLock;
import org.policygraph.graph.SelectedDatabase;
import org.policygraph.history.ChangeLog;
import org.policygraph.history.ImportRun;
import org.policygraph.history.ImportRuns;
import org.policygraph.history.Touch;
import org.policygraph.kpi.KpiStatuses;
import org.policygraph.model.VisionPillarLabels;
import org.policygraph.program.BudgetRollups;
import org.policygraph.search.SearchTexts;
import org.policygraph.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Service;

/**
 * The one importer: reads a dataset (a folder of CSV files, the packaged {@code data/},
 * or an {@code .xlsx} workbook), validates all of it, then writes it in one transaction.
 * Any problem means nothing is written. An import {@link ImportMode#REPLACE replaces} the
 * dataset (every table must be there) or is {@link ImportMode#MERGE merged} into the
 * graph (any tables; their rows may refer to nodes the graph holds, and what they change
 * is reported table by table). Imports write alone ({@link GraphWriteLock}).
 */
@Service
public class DatasetImporter {

	private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);

	private final Driver driver;

	private final DatabaseSelectionProvider databaseSelection;

	private final ResourceLoader resources;

	private final ChangeLog changeLog;

	private final ImportRuns runs;

	private final UploadLimits limits;

	private final GraphWriteLock writeLock;

	@Autowired
	public DatasetImporter(Driver driver, DatabaseSelectionProvider databaseSelection, ResourceLoader resources,
			ChangeLog changeLog, ImportRuns runs, UploadLimits limits, GraphWriteLock writeLock) {
		this.driver = driver;
		this.writeLock = writeLock;
		this.databaseSelection = databaseSelection;
		this.resources = resources;
		this.changeLog = changeLog;
		this.runs = runs;
		this.limits = limits;
	}

	/** An importer with the default {@link UploadLimits}, for use outside Spring. */
	public DatasetImporter(Driver driver, DatabaseSelectionProvider databaseSelection, ResourceLoader resources,
			ChangeLog changeLog, ImportRuns runs) {
		this(driver, databaseSelection, resources, changeLog, runs, UploadLimits.DEFAULTS, new GraphWriteLock());
	}

	/**
	 * Imports an upload: one {@code .xlsx} workbook, or CSV files named like the
	 * dataset's. Never throws for bad data: the run's report lists every problem. Reports
	 * of runs that wrote nothing are kept in memory; a real run's report is kept with its
	 * change record.
	 * @throws UploadLimitExceeded when a file is past one of the {@link UploadLimits};
	 * nothing more is read
	 * @throws org.policygraph.errors.ApiException {@code IMPORT_BUSY} when mutations hold
	 * the graph longer than the {@link GraphWriteLock} waits
	 */
	public ImportRun importUpload(Actor actor, Map<String, byte[]> files, boolean dryRun, ImportMode mode) {
		String id = UUID.randomUUID().toString();
		Instant at = Instant.now();
		List<String> names = List.copyOf(files.keySet());
		ImportRun run;
		try {
			ImportReport report;
			if (files.size() == 1 && names.getFirst().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
				report = importWorkbook(actor, id, names.getFirst(), files.get(names.getFirst()), dryRun, mode);
			}
			else {
				report = importCsvFiles(actor, id, files, dryRun, mode);
			}
			run = report.toRun(at, actor, names, List.of());
		}
		catch (ImportFailedException ex) {
			run = new ImportRun(id, at.toString(), actor.id(), names, dryRun, false, List.of(),
					ex.problems().stream().map(ImportProblem::toRun).toList(), mode.name(), List.of());
		}
		rememberUnrecorded(run);
		return run;
	}

	/**
	 * Merges rows of one table given cell by cell, as an upload of a file holding just
	 * those rows is merged: the same reading of cells, the same checks, the same writing,
	 * the same change record (made by {@code operation}). A row is a whole line of the
	 * file; a column it leaves out is a blank cell. Rows are numbered by their place in
	 * the list, 1 upwards, and problems name them so.
	 * @param rows each row's cells by column name
	 * @return the run's report, which {@code importRun(id)} answers with too
	 * @throws ImportFailedException with every problem, when any row is refused; nothing
	 * is written then
	 * @throws UploadLimitExceeded when the rows are past one of the {@link UploadLimits}
	 */
	public ImportRun importRows(Actor actor, String operation, String table, List<Map<String, String>> rows,
			boolean dryRun) {
		String id = UUID.randomUUID().toString();
		Instant at = Instant.now();
		List<ImportProblem> problems = new ArrayList<>();
		List<String> header = DatasetTables.COLUMNS.get(table);
		if (header == null) {
			throw new ImportFailedException(List.of(unknownTable(table, table)));
		}
		TableReader.Rows read = new TableReader(this.limits).new Rows(table, table, "the rows", false);
		read.add(0, header);
		for (int r = 0; r < rows.size(); r++) {
			Map<String, String> cells = rows.get(r);
			for (String column : cells.keySet()) {
				if (!header.contains(column)) {
					problems.add(unknownColumn(table, table, r + 1, column));
				}
			}
			read.add(r + 1, header.stream().map(c -> Objects.requireNonNullElse(cells.get(c), "")).toList());
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		put(tables, read.table());
		ImportReport report = run(tables, problems, dryRun, actor, List.of(table), id, ImportMode.MERGE, operation);
		ImportRun run = report.toRun(at, actor, List.of(table), List.of());
		rememberUnrecorded(run);
		return run;
	}

	/**
	 * Keeps in memory the report of a run that has no change record (refused, dry, or
	 * changing nothing), so that {@code importRun(id)} finds every run.
	 */
	private void rememberUnrecorded(ImportRun run) {
		boolean recorded = run.succeeded() && !run.dryRun()
				&& run.counts().stream().anyMatch(c -> c.created() > 0 || c.updated() > 0);
		if (!recorded) {
			this.runs.remember(run);
		}
	}

	/**
	 * Imports the folder's CSV files, one per table ({@code plans.csv}, {@code kpis.csv}
	 * …).
	 */
	public ImportReport importDirectory(Path directory, boolean dryRun) {
		return importDirectory(directory, dryRun, ImportMode.REPLACE);
	}

	/**
	 * Imports the folder's CSV files; merged, the folder may hold only some of the
	 * dataset's files.
	 */
	public ImportReport importDirectory(Path directory, boolean dryRun, ImportMode mode) {
		TableReader reader = new TableReader(this.limits);
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Table> tables = new LinkedHashMap<>();
		for (String name : DatasetTables.COLUMNS.keySet()) {
			Path file = directory.resolve(name + ".csv");
			if (!Files.isRegularFile(file)) {
				if (mode == ImportMode.REPLACE) {
					problems.add(missing(name + ".csv", "file"));
				}
				continue;
			}
			try {
				put(tables, reader.readCsv(file.getFileName().toString(), Files.readAllBytes(file), problems));
			}
			catch (IOException ex) {
				problems.add(
						new ImportProblem(name + ".csv", 0, null, ImportProblem.Code.UNREADABLE_FILE, ex.getMessage()));
			}
		}
		return run(tables, problems, dryRun, Actor.SYSTEM, List.of(directory.toString()), null, mode);
	}

	/** Imports the dataset packaged with the service ({@code classpath:data/}). */
	public ImportReport importPackagedDataset(boolean dryRun) {
		TableReader reader = new TableReader(this.limits);
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Table> tables = new LinkedHashMap<>();
		for (String name : DatasetTables.COLUMNS.keySet()) {
			Resource resource = this.resources.getResource("classpath:data/" + name + ".csv");
			if (!resource.exists()) {
				problems.add(missing(name + ".csv", "file"));
				continue;
			}
			try (InputStream in = resource.getInputStream()) {
				put(tables, reader.readCsv(name + ".csv", in.readAllBytes(), problems));
			}
			catch (IOException ex) {
				problems.add(
						new ImportProblem(name + ".csv", 0, null, ImportProblem.Code.UNREADABLE_FILE, ex.getMessage()));
			}
		}
		return run(tables, problems, dryRun, Actor.SYSTEM, List.of("classpath:data/"), null, ImportMode.REPLACE);
	}

	/**
	 * Imports an {@code .xlsx} workbook with one sheet per file, named like the files
	 * without {@code .csv}.
	 * @throws UploadLimitExceeded when the workbook is past one of the
	 * {@link UploadLimits}
	 */
	public ImportReport importWorkbook(String fileName, InputStream workbook, boolean dryRun) {
		return importWorkbook(fileName, workbook, dryRun, ImportMode.REPLACE);
	}

	/**
	 * Imports an {@code .xlsx} workbook; merged, it may hold only some of the dataset's
	 * sheets.
	 * @throws UploadLimitExceeded when the workbook is past one of the
	 * {@link UploadLimits}
	 */
	public ImportReport importWorkbook(String fileName, InputStream workbook, boolean dryRun, ImportMode mode) {
		// the zip is read in place, so it is read whole first; its bytes can be no more
		// than all it inflates to
		long most = this.limits.maxInflatedSize().toBytes();
		byte[] bytes;
		try {
			bytes = workbook.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, most + 1));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (bytes.length > most) {
			throw new UploadLimitExceeded(UploadLimits.PREFIX + "max-inflated-size", fileName, 0,
					"the file is larger than the " + Sizes.megabytes(most) + " its parts may inflate to");
		}
		return importWorkbook(Actor.SYSTEM, null, fileName, bytes, dryRun, mode);
	}

	private ImportReport importWorkbook(Actor actor, String id, String fileName, byte[] workbook, boolean dryRun,
			ImportMode mode) {
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Table> tables = new LinkedHashMap<>();
		new TableReader(this.limits).readWorkbook(fileName, workbook, problems).forEach(table -> put(tables, table));
		if (problems.isEmpty() && mode == ImportMode.REPLACE) {
			for (String name : DatasetTables.COLUMNS.keySet()) {
				if (!tables.containsKey(name)) {
					problems.add(missing(fileName + "[" + name + "]", "sheet"));
				}
			}
		}
		return run(tables, problems, dryRun, actor, List.of(fileName), id, mode);
	}

	/**
	 * Imports CSV files given as (file name, bytes) as the whole dataset, e.g. from an
	 * upload.
	 */
	public ImportReport importCsvFiles(Map<String, byte[]> files, boolean dryRun) {
		return importCsvFiles(Actor.SYSTEM, null, files, dryRun, ImportMode.REPLACE);
	}

	/** Imports CSV files given as (file name, bytes), merged or as the whole dataset. */
	public ImportReport importCsvFiles(Map<String, byte[]> files, boolean dryRun, ImportMode mode) {
		return importCsvFiles(Actor.SYSTEM, null, files, dryRun, mode);
	}

	private ImportReport importCsvFiles(Actor actor, String id, Map<String, byte[]> files, boolean dryRun,
			ImportMode mode) {
		TableReader reader = new TableReader(this.limits);
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Table> tables = new LinkedHashMap<>();
		files.forEach((name, bytes) -> put(tables, reader.readCsv(name, bytes, problems)));
		for (String name : DatasetTables.COLUMNS.keySet()) {
			if (mode == ImportMode.REPLACE && !tables.containsKey(name)
					&& problems.stream().noneMatch(p -> p.file().equals(name + ".csv"))) {
				problems.add(missing(name + ".csv", "file"));
			}
		}
		return run(tables, problems, dryRun, actor, List.copyOf(files.keySet()), id, mode);
	}

	private static void put(Map<String, Table> tables, Table table) {
		if (table != null) {
			tables.put(table.name(), table);
		}
	}

	private static ImportProblem missing(String where, String what) {
		return new ImportProblem(where, 0, null, ImportProblem.Code.MISSING_FILE, "the " + what + " is missing");
	}

	private ImportReport run(Map<String, Table> tables, List<ImportProblem> problems, boolean dryRun, Actor actor,
			List<String> files, String id, ImportMode mode) {
		return run(tables, problems, dryRun, actor, files, id, mode, "import");
	}

	private ImportReport run(Map<String, Table> tables, List<ImportProblem> problems, boolean dryRun, Actor actor,
			List<String> files, String id, ImportMode mode, String operation) {
		long started = System.nanoTime();
		checkColumns(tables, problems);
		if (mode == ImportMode.REPLACE) {
			DatasetValidator validator = new DatasetValidator(tables, problems);
			GraphWrites writes = validator.validate();
			if (!problems.isEmpty()) {
				throw new ImportFailedException(problems);
			}
			return this.writeLock.exclusive(() -> inTransaction(
					tx -> write(tx, validator, writes, List.of(), dryRun, actor, files, id, mode, operation, started)));
		}
		if (tables.isEmpty() && problems.isEmpty()) {
			problems.add(new ImportProblem(String.join(", ", files), 0, null, ImportProblem.Code.MISSING_FILE,
					"the upload holds no table of the dataset (expected any of " + DatasetTables.COLUMNS.keySet()
							+ ")"));
		}
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		// a merge reads what its rows may refer to, and the rows they are compared with,
		// in the transaction that writes, with no mutation in between
		return this.writeLock.exclusive(() -> inTransaction(tx -> {
			DatasetValidator validator = new DatasetValidator(tables, problems, GraphKeys.read(tx));
			GraphWrites writes = validator.validate();
			if (!problems.isEmpty()) {
				throw new ImportFailedException(problems);
			}
			List<ImportRun.TableChanges> changes = UploadDiff.of(tx, tables);
			return write(tx, validator, writes, changes, dryRun, actor, files, id, mode, operation, started);
		}));
	}

	private <T> T inTransaction(Function<Transaction, T> work) {
		try (Session session = this.driver.session(SelectedDatabase.sessionConfig(this.databaseSelection));
				Transaction tx = session.beginTransaction()) {
			return work.apply(tx);
		}
	}

	private ImportReport write(Transaction tx, DatasetValidator validator, GraphWrites writes,
			List<ImportRun.TableChanges> changes, boolean dryRun, Actor actor, List<String> files, String id,
			ImportMode mode, String operation, long started) {
		long validated = System.nanoTime();
		String runId = (id != null) ? id : UUID.randomUUID().toString();
		Instant at = Instant.now();
		// said before writing starts: a large import writes for a while, and an operator
		// (or a test that stops the service mid-import) can tell validation from writing
		log.info("{} dataset {}: validated in {} ms, writing ({})", dryRun ? "Dry run of" : "Importing", runId,
				(validated - started) / 1_000_000, mode);
		GraphWriter.Result result = GraphWriter.write(tx, writes, at.atZone(ZoneOffset.UTC));
		// a cycle closed with links already in the graph can only be seen once the
		// dataset's own are written; the transaction is rolled back with the refusal, so
		// the graph is as it was
		List<ImportProblem> cycles = validator.cyclesWithGraph(tx);
		if (!cycles.isEmpty()) {
			throw new ImportFailedException(cycles);
		}
		VisionPillarLabels.apply(tx);
		// only the indicators whose own row or observations the import wrote: judging
		// every indicator in the graph would grow each import's time and transaction
		// memory with what the graph already holds, which no row here changed
		KpiStatuses.judge(tx, writtenKpis(writes));
		if (mode == ImportMode.MERGE) {
			// and the search text of the nodes the merged rows gave aliases
			SearchTexts.renew(tx, aliasTargets(writes));
		}
		// the budget totals of the roots the written nodes and links count for, and of
		// no other
		BudgetRollups.refresh(tx, result.touches().stream().map(Touch::node).toList());
		ImportReport report = new ImportReport(runId, dryRun, result.counts(), mode, changes);
		if (dryRun) {
			tx.rollback();
		}
		else {
			// the record of the import is written with it, in the same transaction; an
			// import that changed nothing has nothing to record, as a mutation that
			// changes nothing
			if (!result.touches().isEmpty()) {
				String json = this.runs.toJson(report.toRun(at, actor, files, List.of()));
				this.changeLog.record(tx, runId, at, actor, operation, null, null, result.touches(), json);
			}
			tx.commit();
		}
		log.info("{} dataset {}: {} created, {} updated (read and validated in {} ms, written in {} ms; {})",
				dryRun ? "Dry run of" : "Imported", runId, report.created(), report.updated(),
				(validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000, mode);
		return report;
	}

	/** The indicators whose own row or observations an import writes. */
	private static Set<String> writtenKpis(GraphWrites writes) {
		Set<String> kpis = new TreeSet<>();
		writes.nodes.stream()
			.filter(n -> n.label().equals("Kpi"))
			.forEach(n -> n.rows().forEach(row -> kpis.add((String) row.get("key"))));
		writes.relationships.stream()
			.filter(r -> r.type().equals("HAS_OBSERVATION"))
			.forEach(r -> r.rows().forEach(row -> kpis.add((String) row.get("from"))));
		return kpis;
	}

	/** The nodes a merge gives aliases, each {@code {label, key}}. */
	private static Set<Map<String, Object>> aliasTargets(GraphWrites writes) {
		Set<Map<String, Object>> targets = new LinkedHashSet<>();
		writes.relationships.stream()
			.filter(r -> r.type().equals("HAS_ALIAS"))
			.forEach(r -> r.rows().forEach(row -> targets.add(Map.of("label", r.fromLabel(), "key", row.get("from")))));
		return targets;
	}

	/**
	 * Every expected column must be in the header; an unexpected one is most likely a
	 * misspelt one.
	 */
	private static void checkColumns(Map<String, Table> tables, List<ImportProblem> problems) {
		for (Table table : List.copyOf(tables.values())) {
			List<String> expected = DatasetTables.COLUMNS.get(table.name());
			if (expected == null) {
				problems.add(unknownTable(table.origin(), table.name()));
				tables.remove(table.name());
				continue;
			}
			boolean complete = true;
			for (String column : expected) {
				if (!table.header().contains(column)) {
					problems.add(new ImportProblem(table.origin(), 1, column, ImportProblem.Code.MISSING_COLUMN,
							"the header has no column '" + column + "'"));
					complete = false;
				}
			}
			for (String column : table.header()) {
				if (!expected.contains(column)) {
					problems.add(unknownColumn(table.origin(), table.name(), 1, column));
				}
			}
			for (Table.Row row : table.rows()) {
				if (row.cellCount() > table.header().size()) {
					problems.add(new ImportProblem(table.origin(), row.number(), null, ImportProblem.Code.COLUMN_COUNT,
							"the row has " + row.cellCount() + " cells but the header " + table.header().size()));
				}
			}
			if (!complete) {
				// Its rows cannot be read reliably; the missing columns are reported
				// once, not on every row.
				tables.put(table.name(), new Table(table.name(), table.origin(), table.header(), List.of()));
			}
		}
	}

	private static ImportProblem unknownTable(String origin, String table) {
		return new ImportProblem(origin, 0, null, ImportProblem.Code.UNKNOWN_FILE, "'" + table
				+ "' is not a file of the dataset (expected one of " + DatasetTables.COLUMNS.keySet() + ")");
	}

	private static ImportProblem unknownColumn(String origin, String table, int row, String column) {
		return new ImportProblem(origin, row, column, ImportProblem.Code.UNKNOWN_COLUMN, "'" + column
				+ "' is not a column of " + table + " (expected " + DatasetTables.COLUMNS.get(table) + ")");
	}

}
