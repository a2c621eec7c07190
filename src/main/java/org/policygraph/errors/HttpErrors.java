package org.policygraph.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.errors.Sizes;
import org.policygraph.graph.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the plain HTTP endpoints (uploads, exports) in {@link HttpErrorBody}'s shape,
 * with the matching status.
 */
@RestControllerAdvice
class HttpErrors {

	private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

	private final DataSize maxFileSize;

	private final DataSize maxRequestSize;

	HttpErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
		this.maxFileSize = maxFileSize;
		this.maxRequestSize = maxRequestSize;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> api(ApiException ex) {
		HttpStatus status = switch (ex.code()) {
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case DATABASE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case IMPORT_BUSY -> HttpStatus.TOO_MANY_REQUESTS;
			case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.BAD_REQUEST;
		};
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ex.code().name());
		if (ex.field() != null) {
			extensions.put("field", ex.field());
		}
		return error(status, ex.getMessage(), extensions);
	}

	/**
	 * The database failed an upload or an export: away or busy is 503 with the same
	 * retryable code GraphQL answers; anything else is an internal error, logged and
	 * never described to the client.
	 */
	@ExceptionHandler({ Neo4jException.class, DataAccessException.class, TransactionException.class })
	ResponseEntity<Map<String, Object>> database(Exception ex) {
		if (DatabaseUnavailable.causedBy(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return error(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry later",
					Map.of("code", ErrorCode.DATABASE_UNAVAILABLE.name(), "retryable", true));
		}
		log.error("Unexpected database error", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", Map.of("code", ErrorCode.INTERNAL.name()));
	}

	/**
	 * Tomcat does not tell which limit an upload passed (the exception's size is -1), so
	 * the message states both, in megabytes.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return error(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than this service accepts: at most " + Sizes.megabytes(this.maxFileSize.toBytes())
						+ " a file and " + Sizes.megabytes(this.maxRequestSize.toBytes())
						+ " a request (spring.servlet.multipart.max-file-size, max-request-size)",
				Map.of("code", ErrorCode.UPLOAD_TOO_LARGE.name()));
	}

	@ExceptionHandler({ MultipartException.class, HttpMediaTypeNotSupportedException.class,
			MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> badRequest(Exception ex) {
		log.debug("Refused a request: {}", ex.getMessage());
		String message = switch (ex) {
			case HttpMediaTypeNotSupportedException unsupported ->
				"Send multipart/form-data, not " + unsupported.getContentType();
			case MethodArgumentTypeMismatchException mismatch -> "'" + mismatch.getName() + "' must be true or false";
			default -> "The request is not well-formed multipart form data";
		};
		return error(HttpStatus.BAD_REQUEST, message, Map.of("code", ErrorCode.BAD_ARGUMENT.name()));
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message,
			Map<String, Object> extensions) {
		return ResponseEntity.status(status).body(HttpErrorBody.of(message, extensions));
	}

}
