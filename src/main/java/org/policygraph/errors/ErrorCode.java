package org.policygraph.errors;

import org.springframework.graphql.execution.ErrorType;

/** Stable error codes that clients find in a GraphQL error's {@code extensions.code}. */
public enum ErrorCode {

	/**
	 * An id that names nothing in the graph, or a path this service serves nothing at
	 * (HTTP 404).
	 */
	NOT_FOUND(ErrorType.NOT_FOUND),
	/** An argument out of range or malformed. */
	BAD_ARGUMENT(ErrorType.BAD_REQUEST),
	/** A required input field is missing or blank. */
	REQUIRED(ErrorType.BAD_REQUEST),
	/**
	 * An input field's value is malformed, out of range or not one of the known values.
	 */
	BAD_VALUE(ErrorType.BAD_REQUEST),
	/** The id is taken by a node of another type, or the change contradicts the graph. */
	CONFLICT(ErrorType.BAD_REQUEST),
	/**
	 * The node or link was retired; retired things are kept for history but not changed.
	 */
	RETIRED(ErrorType.BAD_REQUEST),
	/** An uploaded dataset has problems; each is listed with its file, row and column. */
	IMPORT_INVALID(ErrorType.BAD_REQUEST),
	/** A change was asked for without a valid bearer token. */
	UNAUTHORIZED(ErrorType.UNAUTHORIZED),
	/** The token is valid but not an editor's. */
	FORBIDDEN(ErrorType.FORBIDDEN),
	/** The database cannot be reached; the request may be retried. */
	DATABASE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
	/**
	 * The document is longer, or has more tokens, than the parser accepts
	 * (policygraph.limits.max-characters, max-tokens, max-whitespace-tokens).
	 */
	QUERY_TOO_LARGE(ErrorType.BAD_REQUEST),
	/**
	 * The operation nests deeper than allowed (policygraph.limits.max-depth,
	 * max-rule-depth).
	 */
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
	/**
	 * The operation could return more list items than allowed
	 * (policygraph.limits.max-cost).
	 */
	QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST),
	/**
	 * The operation has more fields, once its fragments are expanded, than allowed
	 * (policygraph.limits.max-fields).
	 */
	TOO_MANY_FIELDS(ErrorType.BAD_REQUEST),
	/** The document uses more aliases than allowed (policygraph.limits.max-aliases). */
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),
	/**
	 * The document defines more operations than allowed
	 * (policygraph.limits.max-operations).
	 */
	TOO_MANY_OPERATIONS(ErrorType.BAD_REQUEST),
	/**
	 * The document uses more directives than allowed (policygraph.limits.max-directives).
	 */
	TOO_MANY_DIRECTIVES(ErrorType.BAD_REQUEST),
	/**
	 * The GraphQL request body is not a JSON object in UTF-8 (malformed JSON, another
	 * encoding, {@code null}); answered with status 400.
	 */
	BAD_REQUEST_BODY(ErrorType.BAD_REQUEST),
	/**
	 * The HTTP method is not one the path takes (e.g. GET on /graphql, which takes POST);
	 * answered with status 405 and an Allow header.
	 */
	METHOD_NOT_ALLOWED(ErrorType.BAD_REQUEST),
	/**
	 * A browser page on an origin that policygraph.cors.allowed-origins does not list
	 * called the service; answered with status 403.
	 */
	CORS_ORIGIN_REFUSED(ErrorType.FORBIDDEN),
	/**
	 * The HTTP request body is larger than allowed (policygraph.limits.max-request-size);
	 * answered with status 413.
	 */
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),
	/**
	 * An upload to /imports is larger than allowed
	 * (spring.servlet.multipart.max-file-size, max-request-size), or a file in it is past
	 * one of the limits policygraph.limits.upload.* (inflated size, sheets, rows,
	 * columns, cells, cell length); answered with status 413.
	 */
	/**
	 * The HTTP request body did not arrive in time
	 * (policygraph.limits.request-body-timeout); answered with status 408 and the
	 * connection closed.
	 */
	REQUEST_BODY_TIMEOUT(ErrorType.BAD_REQUEST),
	/**
	 * An upload to /imports is larger than allowed
	 * (spring.servlet.multipart.max-file-size, max-request-size); answered with status
	 * 413.
	 */
	UPLOAD_TOO_LARGE(ErrorType.BAD_REQUEST),
	/**
	 * The HTTP version of the request line is not one this server speaks (HTTP/1.1,
	 * HTTP/1.0); answered by Tomcat with status 505.
	 */
	HTTP_VERSION_NOT_SUPPORTED(ErrorType.BAD_REQUEST),
	/**
	 * The document is not valid against the schema (an unknown field, an argument of the
	 * wrong type, an unknown enum value, a variable that does not fit its type).
	 */
	GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST),
	/** The document is not GraphQL (a syntax error). */
	GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST),
	/**
	 * A persisted query named by its hash alone that the service does not know (yet);
	 * send the document with the hash. Answered with status 200 and the message
	 * PersistedQueryNotFound, which Apollo's clients look for.
	 */
	PERSISTED_QUERY_NOT_FOUND(ErrorType.BAD_REQUEST),
	/**
	 * A persisted query of a protocol version other than 1; answered with status 200 and
	 * the message PersistedQueryNotSupported.
	 */
	PERSISTED_QUERY_NOT_SUPPORTED(ErrorType.BAD_REQUEST),
	/**
	 * The document sent is not the one its hash (extensions.persistedQuery.sha256Hash,
	 * documentId) names: the SHA-256 of its text differs; answered with status 400.
	 */
	PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST),
	/**
	 * In the allow-list mode (policygraph.persisted-documents.mode), a document, hash or
	 * documentId that is not on the list.
	 */
	PERSISTED_QUERY_NOT_ALLOWED(ErrorType.FORBIDDEN),
	/**
	 * Another upload to /imports is being imported; imports run one at a time. Answered
	 * with status 429 and a Retry-After header; retry then.
	 */
	/**
	 * A bearer token could not be checked because the identity provider's keys could not
	 * be fetched; answered with status 503 and Retry-After.
	 */
	TOKEN_CHECK_UNAVAILABLE(ErrorType.INTERNAL_ERROR), IMPORT_BUSY(ErrorType.INTERNAL_ERROR),
	/**
	 * The request ran longer than allowed (policygraph.limits.request-timeout,
	 * transaction-timeout); it was stopped.
	 */
	TIMEOUT(ErrorType.INTERNAL_ERROR),
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
