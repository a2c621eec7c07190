package org.policygraph.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that refuses some requests before any handler sees them, in the one shape of
 * {@link HttpErrorBody}, and hands the others on.
 */
public abstract class RefusingFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	protected RefusingFilter(JsonMapper json) {
		this.json = json;
	}

	protected final JsonMapper json() {
		return this.json;
	}

	/** Answers the request with the refusal; the filter then hands nothing on. */
	protected final void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, String message)
			throws IOException {
		HttpErrorBody.write(this.json, response, status.value(), code.name(), message);
	}

}
