package org.policygraph.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import org.policygraph.graphql.DocumentOperations;

/**
 * Which kind of operation a request would run: the one its {@code operationName} names,
 * or the document's only one. Parsed with the query limits' parser options; a document
 * that does not parse, or names no such operation, is GraphQL's to refuse, with its own
 * error.
 */
final class Operations {

	private static final int MAX_LENGTH = 8 * 1024;

	private static final int MAX_ENTRIES = 500;

	/**
	 * Verdicts of {@link #mayWrite} kept per document, as graphql/QueriesOnly keeps its
	 * own: an answer's cache headers are set on every POST, and parsing its document a
	 * second time cost 2% of a small request in a profile. Bounded like graphql-java's
	 * cache of validated documents: short documents, a few hundred of them.
	 */
	private final Map<String, Boolean> writes = new ConcurrentHashMap<>();

	private final ParserOptions options;

	Operations(ParserOptions options) {
		this.options = options;
	}

	/** The selected operation's kind, or null when there is none to tell. */
	OperationDefinition.Operation selected(String document, String operationName) {
		List<OperationDefinition> operations = DocumentOperations.of(document, this.options);
		if (operationName == null || operationName.isEmpty()) {
			return (operations.size() == 1) ? operations.get(0).getOperation() : null;
		}
		return operations.stream()
			.filter(operation -> operationName.equals(operation.getName()))
			.map(OperationDefinition::getOperation)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whether any operation of the document may change the graph (so the answers' version
	 * must be read again).
	 */
	boolean mayWrite(String document) {
		Boolean known = this.writes.get(document);
		if (known != null) {
			return known;
		}
		boolean verdict = DocumentOperations.of(document, this.options)
			.stream()
			.anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
		if (document.length() <= MAX_LENGTH && this.writes.size() < MAX_ENTRIES) {
			this.writes.put(document, verdict);
		}
		return verdict;
	}

}
