package org.policygraph.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policygraph.graph.GraphReads;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Import reports. A real run's report is kept in the graph with its change record; dry
 * runs, refused runs and runs that changed nothing write nothing to the graph, so their
 * reports are kept here in memory, the latest {@value #KEPT_IN_MEMORY}.
 */
@Component
public class ImportRuns {

	static final int KEPT_IN_MEMORY = 100;

	private final Deque<ImportRun> recent = new ArrayDeque<>();

	private final GraphReads reads;

	private final JsonMapper json;

	public ImportRuns(GraphReads reads, JsonMapper json) {
		this.reads = reads;
		this.json = json;
	}

	/** Keeps the report of a run that wrote nothing. */
	public synchronized void remember(ImportRun run) {
		this.recent.addFirst(run);
		while (this.recent.size() > KEPT_IN_MEMORY) {
			this.recent.removeLast();
		}
	}

	/** A report as JSON, for the change record of a real run. */
	public String toJson(ImportRun run) {
		return this.json.writeValueAsString(run);
	}

	Optional<ImportRun> find(String id) {
		synchronized (this) {
			for (ImportRun run : this.recent) {
				if (run.id().equals(id)) {
					return Optional.of(run);
				}
			}
		}
		return findAll(List.of(id)).stream().findFirst();
	}

	/** The kept reports of real runs, by id. */
	List<ImportRun> findAll(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return reports("MATCH (c:Change) WHERE c.id IN $ids AND c.report IS NOT NULL RETURN c.report AS report",
				Map.of("ids", ids));
	}

	List<ImportRun> latest(int first) {
		List<ImportRun> runs = new ArrayList<>(reports(
				"MATCH (c:Change) WHERE c.report IS NOT NULL RETURN c.report AS report ORDER BY c.at DESC LIMIT $first",
				Map.of("first", first)));
		synchronized (this) {
			runs.addAll(this.recent);
		}
		return runs.stream().sorted(Comparator.comparing(ImportRun::at).reversed()).limit(first).toList();
	}

	/** The reports a statement returns (as {@code report}, JSON), read back. */
	private List<ImportRun> reports(String statement, Map<String, Object> parameters) {
		return this.reads.list(statement, parameters, row -> row.get("report").asString())
			.stream()
			.map(report -> this.json.readValue(report, ImportRun.class))
			.toList();
	}

}
