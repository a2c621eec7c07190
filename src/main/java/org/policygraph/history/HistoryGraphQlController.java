package org.policygraph.history;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.policygraph.reading.Paging;
import org.policygraph.security.Editors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * History and import reports. Anyone may read them, but only an editor (a valid editor's
 * token) sees who made a change and what a refused or dry upload's problems quoted;
 * everyone else gets {@link HistoryEntry#forPublic()} and {@link ImportRun#forPublic()}.
 */
@Controller
class HistoryGraphQlController {

	private final HistoryRepository history;

	private final ImportRuns runs;

	private final Editors editors;

	HistoryGraphQlController(HistoryRepository history, ImportRuns runs, Editors editors) {
		this.history = history;
		this.runs = runs;
		this.editors = editors;
	}

	@QueryMapping
	List<HistoryEntry> history(@Argument String id, @Argument Integer first) {
		List<HistoryEntry> entries = this.history.history(id, Paging.first(first));
		return this.editors.isEditorRequest() ? entries : entries.stream().map(HistoryEntry::forPublic).toList();
	}

	@QueryMapping
	ImportRun importRun(@Argument String id) {
		return this.runs.find(id).map(this::asSeen).orElse(null);
	}

	@QueryMapping
	List<ImportRun> importRuns(@Argument Integer first) {
		return this.runs.latest(Paging.first(first)).stream().map(this::asSeen).toList();
	}

	private ImportRun asSeen(ImportRun run) {
		return this.editors.isEditorRequest() ? run : run.forPublic();
	}

	/** The report of each change that was an import; one statement for all of them. */
	@BatchMapping(typeName = "Change", field = "importRun")
	Map<HistoryEntry.Change, ImportRun> importRun(List<HistoryEntry.Change> changes) {
		List<String> imports = changes.stream()
			.filter(c -> ImportRun.OPERATIONS.contains(c.operation()))
			.map(HistoryEntry.Change::id)
			.toList();
		Map<String, ImportRun> byId = this.runs.findAll(imports)
			.stream()
			.collect(Collectors.toMap(ImportRun::id, Function.identity()));
		return changes.stream()
			.filter(c -> byId.containsKey(c.id()))
			.collect(Collectors.toMap(Function.identity(), c -> asSeen(byId.get(c.id())), (a, b) -> a));
	}

}
