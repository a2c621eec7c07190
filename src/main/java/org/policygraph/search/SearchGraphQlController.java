package org.policygraph.search;

import java.util.List;

import org.policygraph.system.Paging;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id)} and {@code search}: both answer with the API record of whatever they find, and GraphQL
 * resolves the {@code Node} interface by the record's simple class name (Plan, Program, PolicyIssue …).
 */
@Controller
class SearchGraphQlController {

	private final SearchRepository repository;

	SearchGraphQlController(SearchRepository repository) {
		this.repository = repository;
	}

	@QueryMapping
	Object node(@Argument String id) {
		return this.repository.findNode(id).orElse(null);
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument Integer first) {
		int size = Paging.first(first);
		return this.repository.search(SearchQuery.lucene(text), size);
	}

}
