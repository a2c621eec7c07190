package org.policygraph.graphql;

import java.util.List;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/**
 * The operations of a request's document, for the filters and interceptors that must know
 * what a request would run before GraphQL runs it. Parsed with the query limits' parser
 * options, so a document too large for them is not parsed further here.
 */
public final class DocumentOperations {

	private DocumentOperations() {
	}

	/**
	 * The document's operations; none when it does not parse (GraphQL refuses it, with
	 * its own error).
	 */
	public static List<OperationDefinition> of(String document, ParserOptions options) {
		try {
			return new Parser()
				.parseDocument(
						ParserEnvironment.newParserEnvironment().document(document).parserOptions(options).build())
				.getDefinitionsOfType(OperationDefinition.class);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

}
