package org.policygraph.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the parsed and validated form of the documents clients send again and again (a
 * page sends the same document with other variables), so each is parsed and validated
 * once. Only documents without errors are kept, and only short ones, up to a bound; what
 * is checked per request (variables, depth, cost, page sizes) is still checked per
 * request. Parsing and validating is a pure function of the document's text and the
 * schema, so a kept document answers exactly as a freshly parsed one.
 */
final class ValidatedDocuments implements PreparsedDocumentProvider {

	/** Longer documents are parsed each time (the request body may be 64 KB). */
	static final int MAX_LENGTH = 8 * 1024;

	/** Beyond this many distinct documents, new ones are parsed each time. */
	static final int MAX_ENTRIES = 500;

	private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String document = input.getQuery();
		PreparsedDocumentEntry entry = this.entries.get(document);
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors() && document.length() <= MAX_LENGTH && this.entries.size() < MAX_ENTRIES) {
				this.entries.put(document, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

}
