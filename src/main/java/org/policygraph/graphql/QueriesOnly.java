package org.policygraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;

/**
 * Whether every operation of a request's document is a query: such a request reads in one
 * transaction ({@link ReadRequestTransaction}) and may be run again ({@link ReadRetry}).
 * The document is parsed with the query limits' parser options, so a document too large
 * for them is not parsed further here (it is no query: graphql-java refuses it with the
 * limit's error); the verdicts of short documents are kept.
 */
final class QueriesOnly {

	private final ParserOptions options;

	private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

	QueriesOnly(ParserOptions options) {
		this.options = options;
	}

	boolean test(String document) {
		Boolean known = this.verdicts.get(document);
		if (known != null) {
			return known;
		}
		boolean verdict = parsesToQueriesOnly(document);
		if (document.length() <= ValidatedDocuments.MAX_LENGTH
				&& this.verdicts.size() < ValidatedDocuments.MAX_ENTRIES) {
			this.verdicts.put(document, verdict);
		}
		return verdict;
	}

	private boolean parsesToQueriesOnly(String document) {
		List<OperationDefinition> operations = DocumentOperations.of(document, this.options);
		return !operations.isEmpty() && operations.stream()
			.allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY);
	}

}
