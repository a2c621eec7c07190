package org.policygraph.search;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.policygraph.reading.LookAhead;
import org.policygraph.reading.Paging;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id)} and {@code search}: both answer with the API record of whatever they
 * find, and GraphQL resolves the {@code Node} interface by the record's simple class name
 * (Plan, Program, PolicyIssue …).
 */
@Controller
class SearchGraphQlController {

	private final SearchRepository repository;

	private final LookAhead lookAhead;

	SearchGraphQlController(SearchRepository repository, LookAhead lookAhead) {
		this.repository = repository;
		this.lookAhead = lookAhead;
	}

	/**
	 * The node, with the relationship fields selected on it read by the same statement
	 * where they can be.
	 */
	@QueryMapping
	Object node(@Argument String id, DataFetchingFieldSelectionSet selection) {
		LookAhead.Answered answered = new LookAhead.Answered();
		return this.repository.findNode(id, this.lookAhead.selected(selection), answered)
			.map(answered::with)
			.orElse(null);
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument Integer first) {
		int size = Paging.first(first);
		return this.repository.search(SearchQuery.lucene(text), size);
	}

}
