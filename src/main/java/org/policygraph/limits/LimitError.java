package org.policygraph.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A refused request as a GraphQL error: the stable code, the limit, and the value the
 * request came to.
 */
final class LimitError {

	private LimitError() {
	}

	static GraphQLError of(ErrorCode code, String message, Object limit, Object value) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		if (limit != null) {
			extensions.put("limit", limit);
		}
		if (value != null) {
			extensions.put("value", value);
		}
		// no locations: an empty list would be written as "locations": []
		return GraphqlErrorBuilder.newError()
			.errorType(code.classification())
			.message(message)
			.locations(null)
			.extensions(extensions)
			.build();
	}

	/** The error as the JSON body of an HTTP response that never reached GraphQL. */
	static Map<String, Object> asResponseBody(GraphQLError error) {
		return Map.of("errors", List.of(error.toSpecification()));
	}

	/**
	 * Writes the error as the whole HTTP response, for a request refused before it
	 * reached GraphQL.
	 */
	static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, GraphQLError error)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), asResponseBody(error));
	}

}
