package org.policygraph.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The one shape of an error answered outside GraphQL (uploads, exports, and requests
 * refused before any handler): {@code {"errors": [{"message": ..., "extensions": {"code":
 * ...}}]}}, the shape of a GraphQL error, so that a client reads every refusal the same
 * way.
 */
public final class HttpErrorBody {

	private HttpErrorBody() {
	}

	public static Map<String, Object> of(String message, Map<String, Object> extensions) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)));
	}

	/**
	 * Writes the error as the whole response, for code that runs where no message
	 * converter does (filters).
	 */
	public static void write(JsonMapper json, HttpServletResponse response, int status, String code, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), of(message, Map.of("code", code)));
	}

	/**
	 * The code of a refusal known only by its status (made by Tomcat or Spring before the
	 * application).
	 */
	static ErrorCode codeFor(int status) {
		return switch (status) {
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.REQUEST_TOO_LARGE;
			// Tomcat's refusals of a request line or header it will not serve: the
			// client's doing, not ours
			case 505 -> ErrorCode.HTTP_VERSION_NOT_SUPPORTED;
			case 501 -> ErrorCode.BAD_ARGUMENT;
			default -> (status < 500) ? ErrorCode.BAD_ARGUMENT : ErrorCode.INTERNAL;
		};
	}

}
