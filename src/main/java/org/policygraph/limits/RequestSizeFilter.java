package org.policygraph.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import org.policygraph.model.TextCleaner;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request body larger than the limit with 413 and a REQUEST_TOO_LARGE
 * error, before it is read into a document: by its declared length when it has one,
 * otherwise by reading at most one byte past the limit. A JSON body that is not a JSON
 * object in UTF-8 is refused with 400 and BAD_REQUEST_BODY: the GraphQL endpoint would
 * answer it with a bare 400, or fail with an internal error on the body {@code null}. A
 * GET carries its request in the URL (http/GraphQlGet), so its Content-Type, if any, says
 * nothing and is not checked.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

	private final BodyLimits limits;

	RequestSizeFilter(BodyLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethod.GET.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (this.limits.refusedByDeclaredLength(request, response)) {
			return;
		}
		byte[] body = request.getInputStream().readNBytes(Math.toIntExact(this.limits.maxBytes() + 1));
		if (body.length > this.limits.maxBytes()) {
			this.limits.refuseTooLarge(response, null);
			return;
		}
		// bodies of other types are left to the endpoint, which refuses them with 415
		String problem = BufferedRequest.isJson(request) ? requestProblem(body) : null;
		if (problem != null) {
			this.limits.refuse(response, HttpStatus.BAD_REQUEST, LimitError
				.of(ErrorCode.BAD_REQUEST_BODY, "The request body " + problem
						+ "; send a JSON object such as {\"query\": \"{ plans { id } }\", \"variables\": {}} in UTF-8",
						null, null));
			return;
		}
		chain.doFilter(new BufferedRequest(request, body), response);
	}

	/** What is wrong with the body as a GraphQL request over HTTP, or null. */
	private String requestProblem(byte[] body) {
		String text = TextCleaner.utf8(body);
		if (text == null) {
			return "is not UTF-8 text";
		}
		JsonNode request;
		try {
			request = this.limits.json().readTree(text);
		}
		catch (JacksonException ex) {
			TokenStreamLocation where = ex.getLocation();
			return "is not valid JSON" + ((where != null && where.getLineNr() > 0)
					? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")" : "");
		}
		if (request == null || !request.isObject()) {
			return "is not a JSON object";
		}
		// a persisted document is named by its hash instead of sent
		// (persisted/PersistedRequestFilter checks the name)
		if (!request.path("query").isString() && !request.path("extensions").path("persistedQuery").isObject()
				&& !request.path("documentId").isString()) {
			return "has no \"query\" text";
		}
		for (String member : new String[] { "variables", "extensions" }) {
			if (!request.path(member).isMissingNode() && !request.get(member).isNull()
					&& !request.get(member).isObject()) {
				return "has \"" + member + "\" that is not a JSON object";
			}
		}
		JsonNode operationName = request.path("operationName");
		if (!operationName.isMissingNode() && !operationName.isNull() && !operationName.isString()) {
			return "has \"operationName\" that is not a text";
		}
		return null;
	}

}
