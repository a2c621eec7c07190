package org.policygraph.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.graph.GraphReads;
import org.policygraph.history.ChangeLog;
import org.policygraph.history.ImportRun;
import org.policygraph.history.ImportRuns;
import org.policygraph.history.Touch;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.importing.ImportReport;
import org.policygraph.security.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Brings the graph to a scale (a number of municipalities) through the service's own
 * importer, one municipality per import and so per transaction: the importer validates a
 * whole dataset in memory and writes it in one transaction, which suits one city's
 * ~27,000 nodes; 100 cities in one transaction would hold millions of nodes of
 * transaction state. Growing from scale 1 to 10 imports municipalities 2 to 10 only.
 * <p>
 * This is the bulk path: the importer as the service wires it, but without the change
 * record every import writes (one {@code :Change} node with a {@code CHANGED}
 * relationship, before and after values, to every node touched). For a synthetic bulk
 * load that history is not what is measured, and it would multiply the relationships
 * written several times over.
 */
final class ScaleLoader {

	private final MunicipalityGenerator generator;

	private final DatasetImporter importer;

	private final Path workDir;

	private final Consumer<String> log;

	private int loaded;

	ScaleLoader(MunicipalityGenerator generator, Driver driver, Path workDir, Consumer<String> log) {
		this.generator = generator;
		JsonMapper json = JsonMapper.builder().build();
		this.importer = new DatasetImporter(driver, DatabaseSelectionProvider.getDefaultSelectionProvider(),
				new DefaultResourceLoader(), new NoChangeRecords(json),
				new ImportRuns(GraphReads.through(driver), json));
		this.workDir = workDir;
		this.log = log;
	}

	/** Imports municipalities until {@code scale} are in the graph; what it took. */
	Load growTo(int scale) {
		long generateNanos = 0;
		long importNanos = 0;
		long nodes = 0;
		long relationships = 0;
		for (int n = this.loaded + 1; n <= scale; n++) {
			long started = System.nanoTime();
			MunicipalityGenerator.Written written = this.generator.write(this.workDir, n);
			long generated = System.nanoTime();
			ImportReport report = this.importer.importDirectory(written.folder(), false);
			importNanos += System.nanoTime() - generated;
			generateNanos += generated - started;
			for (ImportRun.Count count : report.counts()) {
				if (count.kind().equals("NODE")) {
					nodes += count.created();
				}
				else {
					relationships += count.created();
				}
			}
			this.loaded = n;
			if (n % 10 == 0 || n == scale) {
				this.log.accept(String.format(Locale.ROOT, "imported municipality %d of %d (%.0f s importing so far)",
						n, scale, importNanos / 1e9));
			}
		}
		return new Load(scale, nodes, relationships, generateNanos / 1e9, importNanos / 1e9);
	}

	/**
	 * What growing to a scale created and how long generating and importing took, in
	 * seconds.
	 */
	record Load(int scale, long nodesCreated, long relationshipsCreated, double generateSeconds, double importSeconds) {

		double nodesPerSecond() {
			return (this.importSeconds > 0) ? this.nodesCreated / this.importSeconds : 0;
		}

	}

	/** Leaves out the change record of an import (see the class comment). */
	private static final class NoChangeRecords extends ChangeLog {

		NoChangeRecords(JsonMapper json) {
			super(json);
		}

		@Override
		public String record(SimpleQueryRunner tx, String id, Instant at, Actor actor, String operation,
				String sourceId, String section, List<Touch> touches, String report) {
			return id;
		}

	}

}
