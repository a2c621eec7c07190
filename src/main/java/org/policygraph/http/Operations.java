package org.policygraph.http;

import java.util.List;

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
		return DocumentOperations.of(document, this.options)
			.stream()
			.anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
	}

}
