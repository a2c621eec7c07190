package org.policygraph.history;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.policygraph.system.Paging;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class HistoryGraphQlController {

	private final HistoryRepository history;

	private final ImportRuns runs;

	HistoryGraphQlController(HistoryRepository history, ImportRuns runs) {
		this.history = history;
		this.runs = runs;
	}

	@QueryMapping
	List<HistoryEntry> history(@Argument String id, @Argument Integer first) {
		return this.history.history(id, Paging.first(first));
	}

	@QueryMapping
	ImportRun importRun(@Argument String id) {
		return this.runs.find(id).orElse(null);
	}

	@QueryMapping
	List<ImportRun> importRuns(@Argument Integer first) {
		return this.runs.latest(Paging.first(first));
	}

	/** The report of each change that was an import; one statement for all of them. */
	@BatchMapping(typeName = "Change", field = "importRun")
	Map<HistoryEntry.Change, ImportRun> importRun(List<HistoryEntry.Change> changes) {
		List<String> imports = changes.stream().filter(c -> "import".equals(c.operation())).map(HistoryEntry.Change::id).toList();
		Map<String, ImportRun> byId = this.runs.findAll(imports)
			.stream()
			.collect(Collectors.toMap(ImportRun::id, Function.identity()));
		return changes.stream()
			.filter(c -> byId.containsKey(c.id()))
			.collect(Collectors.toMap(Function.identity(), c -> byId.get(c.id()), (a, b) -> a));
	}

}
