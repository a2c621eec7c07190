package org.policygraph.system;

import org.springframework.graphql.execution.ErrorType;

/** Stable error codes that clients find in a GraphQL error's {@code extensions.code}. */
public enum ErrorCode {

	/** An id that names nothing in the graph. */
	NOT_FOUND(ErrorType.NOT_FOUND),
	/** An argument out of range or malformed. */
	BAD_ARGUMENT(ErrorType.BAD_REQUEST),
	/** The database cannot be reached; the request may be retried. */
	DATABASE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
	/** Anything unexpected; details are in the server log, never in the response. */
	INTERNAL(ErrorType.INTERNAL_ERROR);

	private final ErrorType classification;

	ErrorCode(ErrorType classification) {
		this.classification = classification;
	}

	public ErrorType classification() {
		return this.classification;
	}

}
