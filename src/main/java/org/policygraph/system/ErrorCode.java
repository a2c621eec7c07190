package org.policygraph.system;

import org.springframework.graphql.execution.ErrorType;

/** Stable error codes that clients find in a GraphQL error's {@code extensions.code}. */
public enum ErrorCode {

	/** An id that names nothing in the graph. */
	NOT_FOUND(ErrorType.NOT_FOUND),
	/** An argument out of range or malformed. */
	BAD_ARGUMENT(ErrorType.BAD_REQUEST),
	/** A required input field is missing or blank. */
	REQUIRED(ErrorType.BAD_REQUEST),
	/** An input field's value is malformed, out of range or not one of the known values. */
	BAD_VALUE(ErrorType.BAD_REQUEST),
	/** The id is taken by a node of another type, or the change contradicts the graph. */
	CONFLICT(ErrorType.BAD_REQUEST),
	/** The node or link was retired; retired things are kept for history but not changed. */
	RETIRED(ErrorType.BAD_REQUEST),
	/** An uploaded dataset has problems; each is listed with its file, row and column. */
	IMPORT_INVALID(ErrorType.BAD_REQUEST),
	/** A change was asked for without a valid bearer token. */
	UNAUTHORIZED(ErrorType.UNAUTHORIZED),
	/** The token is valid but not an editor's. */
	FORBIDDEN(ErrorType.FORBIDDEN),
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
