package org.policygraph.persisted;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.RefusingFilter;
import org.policygraph.limits.BufferedRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;

/**
 * Checks the name a GraphQL request gives its document, before the endpoint reads it:
 * <ul>
 * <li>{@code extensions.persistedQuery.sha256Hash} must be 64 hexadecimal digits, and
 * {@code documentId} {@code sha256:} and 64 of them (the GraphQL-over-HTTP persisted
 * documents appendix); otherwise 400 BAD_REQUEST_BODY.</li>
 * <li>A document sent with its hash must be the one the hash names; otherwise 400
 * PERSISTED_QUERY_HASH_MISMATCH, as Apollo Server answers it.</li>
 * <li>A {@code documentId} is handed on as {@code extensions.persistedQuery}, the form
 * Spring for GraphQL reads a request without {@code query} in (it refuses any other), so
 * one interceptor ({@link PersistedDocumentsInterceptor}) finds the document for both
 * protocols.</li>
 * </ul>
 * Runs after limits/RequestSizeFilter, which has read the body (within the size limit)
 * and refused what is not a JSON object.
 */
final class PersistedRequestFilter extends RefusingFilter {

	PersistedRequestFilter(JsonMapper json) {
		super(json);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!BufferedRequest.isJson(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		JsonNode tree;
		try {
			tree = json().readTree(body);
		}
		catch (JacksonException ex) {
			tree = null;
		}
		if (!(tree instanceof ObjectNode graphQlRequest)) {
			// not for this filter to judge (RequestSizeFilter has, for JSON bodies)
			chain.doFilter(new BufferedRequest(request, body), response);
			return;
		}
		JsonNode documentId = graphQlRequest.path("documentId");
		JsonNode persistedQuery = graphQlRequest.path("extensions").path("persistedQuery");
		String hash = null;
		if (!documentId.isMissingNode() && !documentId.isNull()) {
			hash = documentId.isString() ? PersistedDocuments.hashOfDocumentId(documentId.asString()) : null;
			if (hash == null) {
				refuse(response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST_BODY,
						"The request's \"documentId\" is not "
								+ "\"sha256:\" followed by the 64 hexadecimal digits of the document's SHA-256");
				return;
			}
		}
		if (!persistedQuery.isMissingNode() && !persistedQuery.isNull()) {
			JsonNode sha256 = persistedQuery.path("sha256Hash");
			if (!sha256.isString() || !DocumentHash.isHash(sha256.asString())) {
				refuse(response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST_BODY, "The request's "
						+ "\"extensions.persistedQuery.sha256Hash\" is not the 64 hexadecimal digits of a SHA-256");
				return;
			}
			if (hash != null && !hash.equals(DocumentHash.normalized(sha256.asString()))) {
				refuse(response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST_BODY,
						"The request's \"documentId\" and \"extensions.persistedQuery\" name different documents");
				return;
			}
			hash = DocumentHash.normalized(sha256.asString());
		}
		JsonNode query = graphQlRequest.path("query");
		if (hash != null && query.isString() && !query.asString().isEmpty()
				&& !hash.equals(DocumentHash.of(query.asString()))) {
			refuse(response, HttpStatus.BAD_REQUEST, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
					"The document sent is not " + "the one its hash names: the SHA-256 of its text (UTF-8) is "
							+ DocumentHash.of(query.asString()));
			return;
		}
		if (documentId.isMissingNode() || documentId.isNull()) {
			chain.doFilter(new BufferedRequest(request, body), response);
			return;
		}
		graphQlRequest.remove("documentId");
		ObjectNode extensions = (graphQlRequest.path("extensions") instanceof ObjectNode present) ? present
				: graphQlRequest.putObject("extensions");
		if (!(extensions.path("persistedQuery") instanceof ObjectNode)) {
			extensions.putObject("persistedQuery").put("version", 1).put("sha256Hash", hash);
		}
		chain.doFilter(new BufferedRequest(request, json().writeValueAsBytes(graphQlRequest)), response);
	}

}
