package org.policygraph.whatif;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code whatIf(retire:)}: what retiring programs would leave unsupported and what it
 * would take from each budget. Read-only: it asks the graph as it stands and changes
 * nothing, so any client (the explorer's what-if view among them) can ask it freely.
 */
@Controller
class WhatIfGraphQlController {

	static final int MAX_PROGRAMS = 100;

	private final WhatIfRepository repository;

	WhatIfGraphQlController(WhatIfRepository repository) {
		this.repository = repository;
	}

	@QueryMapping
	WhatIf whatIf(@Argument List<String> retire) {
		return this.repository.whatIf(programIds(retire));
	}

	@SchemaMapping(typeName = "BudgetChange", field = "change")
	long change(WhatIf.BudgetChange budgetChange) {
		return budgetChange.change();
	}

	/** The ids asked about, each once, in the order given; 1 to 100 of them. */
	static List<String> programIds(List<String> retire) {
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(retire));
		if (ids.isEmpty() || ids.size() > MAX_PROGRAMS) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT,
					"retire must name 1 to " + MAX_PROGRAMS + " programs, named " + ids.size(), "retire");
		}
		return ids;
	}

}
