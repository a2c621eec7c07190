package org.policygraph.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.OperationDefinition;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.HttpErrorBody;
import org.policygraph.persisted.PersistedDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /graphql?query=…&variables=…&operationName=…} as the GraphQL-over-HTTP
 * specification describes it, run by the same handler chain as a POST (every limit and
 * interceptor applies). Spring for GraphQL serves POST only.
 * <ul>
 * <li>Only queries: a mutation is refused with 405 and {@code Allow: POST} before it
 * runs.</li>
 * <li>The answer is {@code application/graphql-response+json} or
 * {@code application/json}, as {@code Accept} asks ({@code application/json} when it
 * names neither specifically).</li>
 * <li>An answer to a request without a token is public and carries a strong ETag made of
 * the graph's version ({@link GraphVersion}) and the request; {@code If-None-Match} with
 * it answers 304 without running the query. An answer to a request with a token is
 * {@code private, no-store}; an answer with errors {@code no-store}.</li>
 * <li>A persisted document may be named instead of sent: {@code documentId=sha256:<hex>}
 * (GraphQL over HTTP) or
 * {@code extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}} (Apollo's
 * {@code useGETForHashedQueries}). It runs by the same path as a POST naming it, is
 * refused with 405 when it is a mutation, and is cached as the document sent as text
 * would be.</li>
 * </ul>
 */
final class GraphQlGet {

	private static final Logger log = LoggerFactory.getLogger(GraphQlGet.class);

	/**
	 * Longest query string taken (URL-encoded). Below Tomcat's 8 KB for the request line
	 * and headers, so a longer one is answered here, with words; urql's
	 * {@code within-url-limit} switches to POST past 2,048.
	 */
	static final int MAX_QUERY_STRING = 4096;

	static final String PUBLIC = "public, max-age=0, must-revalidate";

	static final String PRIVATE = "private, no-store";

	private static final List<MediaType> SUPPORTED = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	private final WebGraphQlHandler graphQl;

	private final Operations operations;

	private final GraphVersion version;

	private final PersistedDocuments persisted;

	private final JsonMapper json;

	private final String path;

	private final IdGenerator ids = new JdkIdGenerator();

	GraphQlGet(WebGraphQlHandler graphQl, Operations operations, GraphVersion version, PersistedDocuments persisted,
			JsonMapper json, String path) {
		this.graphQl = graphQl;
		this.operations = operations;
		this.version = version;
		this.persisted = persisted;
		this.json = json;
		this.path = path;
	}

	ServerResponse handle(ServerRequest request) {
		String queryString = request.servletRequest().getQueryString();
		if (queryString != null && queryString.length() > MAX_QUERY_STRING) {
			return error(HttpStatus.URI_TOO_LONG, ErrorCode.REQUEST_TOO_LARGE,
					"The query string is " + queryString.length() + " characters; GET " + this.path + " takes at most "
							+ MAX_QUERY_STRING + "; send a longer request with POST",
					Map.of("limit", MAX_QUERY_STRING, "value", queryString.length()));
		}
		MediaType answerType;
		try {
			answerType = answerType(request.headers().accept());
		}
		catch (InvalidMediaTypeException ex) {
			answerType = null;
		}
		if (answerType == null) {
			return error(HttpStatus.NOT_ACCEPTABLE, ErrorCode.BAD_ARGUMENT, "GET " + this.path
					+ " answers application/graphql-response+json or application/json; the Accept header names neither",
					Map.of());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		MultiValueMap<String, String> params = request.params();
		for (String name : params.keySet()) {
			if (params.get(name).size() > 1) {
				return badParameter("'" + name + "' is given more than once");
			}
		}
		String query = params.getFirst("query");
		if (query != null && query.isBlank()) {
			query = null;
		}
		String operationName = params.getFirst("operationName");
		if (operationName != null && !operationName.isEmpty()) {
			body.put("operationName", operationName);
		}
		for (String member : List.of("variables", "extensions")) {
			String text = params.getFirst(member);
			if (text == null || text.isEmpty()) {
				continue;
			}
			JsonNode value;
			try {
				value = this.json.readTree(text);
			}
			catch (JacksonException ex) {
				return badParameter("'" + member + "' is not JSON");
			}
			if (!value.isObject()) {
				return badParameter("'" + member + "' is not a JSON object");
			}
			body.put(member, this.json.treeToValue(value, Map.class));
		}
		String hash = persistedHash(params.getFirst("documentId"), body);
		if (hash != null && hash.isEmpty()) {
			return badParameter(
					"'documentId' is not \"sha256:\" followed by the 64 hexadecimal digits of the document's "
							+ "SHA-256, or 'extensions.persistedQuery.sha256Hash' is not those 64 digits, or the two differ");
		}
		if (query == null && hash == null) {
			return badParameter("there is no 'query' parameter with a GraphQL document, nor a persisted document's "
					+ "'documentId' or 'extensions' with 'persistedQuery'");
		}
		if (query != null && hash != null && !hash.equals(PersistedDocuments.hashOf(query))) {
			return error(HttpStatus.BAD_REQUEST, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
					"The document sent is not the " + "one its hash names: the SHA-256 of its text (UTF-8) is "
							+ PersistedDocuments.hashOf(query),
					Map.of());
		}
		// a document named by hash is judged as the same document sent as text: a
		// mutation is refused before it runs
		String document = (query != null) ? query : (hash != null) ? this.persisted.find(hash) : null;
		// without a query, the document Spring's POST handler gives a request that names
		// one (the interceptor's cue)
		body.put("query", (query != null) ? query : PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		OperationDefinition.Operation kind = (document != null) ? this.operations.selected(document, operationName)
				: null;
		if (kind != null && kind != OperationDefinition.Operation.QUERY) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.body(HttpErrorBody.of(
						"A " + kind.name().toLowerCase() + " cannot be sent with GET; use POST " + this.path,
						Map.of("code", ErrorCode.METHOD_NOT_ALLOWED.name())));
		}
		boolean anonymous = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null;
		String etag = anonymous ? etag(answerType, String.valueOf(query), String.valueOf(hash), operationName, params)
				: null;
		if (etag != null && matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(etag)
				.header(HttpHeaders.CACHE_CONTROL, PUBLIC)
				.varyBy(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION)
				.build();
		}
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
				this.ids.generateId().toString(), LocaleContextHolder.getLocale());
		MediaType type = answerType;
		// answered in this dispatch when the answer is ready, as on POST (ReadyAnswers)
		return ReadyAnswers.ready(this.graphQl.handleRequest(graphQlRequest)
			.map(response -> answer(response, type, anonymous, etag))
			.toFuture());
	}

	private ServerResponse answer(WebGraphQlResponse response, MediaType type, boolean anonymous, String etag) {
		// as Spring's POST handler: a request that never ran (no data) is a 400 in the
		// newer media type
		HttpStatus status = (!response.getExecutionResult().isDataPresent()
				&& type.equals(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
		boolean clean = response.getExecutionResult().getErrors().isEmpty();
		ServerResponse.BodyBuilder builder = ServerResponse.status(status).headers(headers -> {
			headers.putAll(response.getResponseHeaders());
			headers.remove(HttpHeaders.CACHE_CONTROL);
		});
		if (!anonymous) {
			builder.header(HttpHeaders.CACHE_CONTROL, PRIVATE);
		}
		else if (clean && etag != null) {
			builder.eTag(etag).header(HttpHeaders.CACHE_CONTROL, PUBLIC);
		}
		else {
			// an error (the database away, a timeout) is no state of the graph to keep
			builder.header(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		return builder.varyBy(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION).contentType(type).body(response.toMap());
	}

	/**
	 * The hash a request names its document by, as POST's
	 * persisted/PersistedRequestFilter reads it: a {@code documentId} parameter (GraphQL
	 * over HTTP), handed on as {@code extensions.persistedQuery}, the one form the
	 * endpoint reads a request without {@code query} in, or
	 * {@code extensions.persistedQuery.sha256Hash} (Apollo's
	 * {@code useGETForHashedQueries}). Null when neither is given; empty when one is
	 * malformed or they differ.
	 */
	@SuppressWarnings("unchecked")
	private static String persistedHash(String documentId, Map<String, Object> body) {
		String hash = null;
		if (documentId != null && !documentId.isEmpty()) {
			hash = PersistedDocuments.hashOfDocumentId(documentId);
			if (hash == null) {
				return "";
			}
		}
		Map<String, Object> extensions = (Map<String, Object>) body.get("extensions");
		Object persistedQuery = (extensions != null) ? extensions.get("persistedQuery") : null;
		if (persistedQuery != null) {
			Object sha256 = (persistedQuery instanceof Map<?, ?> persisted) ? persisted.get("sha256Hash") : null;
			if (!PersistedDocuments.isHash(sha256)) {
				return "";
			}
			String named = ((String) sha256).toLowerCase(Locale.ROOT);
			if (hash != null && !hash.equals(named)) {
				return "";
			}
			return named;
		}
		if (hash != null) {
			Map<String, Object> withId = (extensions != null) ? new LinkedHashMap<>(extensions) : new LinkedHashMap<>();
			withId.put("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
			body.put("extensions", withId);
		}
		return hash;
	}

	/** The answer's media type, or null when Accept allows neither. */
	static MediaType answerType(List<MediaType> accepted) {
		if (accepted.isEmpty()) {
			return MediaType.APPLICATION_JSON;
		}
		List<MediaType> sorted = new ArrayList<>(accepted);
		// stable: of equal quality, the first named wins
		sorted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType candidate : sorted) {
			if (candidate.getQualityValue() == 0) {
				continue;
			}
			for (MediaType supported : SUPPORTED) {
				if (candidate.equalsTypeAndSubtype(supported)) {
					return supported;
				}
			}
			if (candidate.includes(MediaType.APPLICATION_JSON)) {
				// a wildcard: the type every client reads
				return MediaType.APPLICATION_JSON;
			}
		}
		return null;
	}

	/**
	 * A strong validator: the same bytes for the same request and graph. The graph's
	 * version is read before the query runs, so an answer is never newer-tagged than its
	 * data. Null when the version cannot be read (the database away): the answer is then
	 * not cached at all.
	 */
	private String etag(MediaType type, String query, String hash, String operationName,
			MultiValueMap<String, String> params) {
		String graph;
		try {
			graph = this.version.current();
		}
		catch (RuntimeException ex) {
			log.debug("The graph's version could not be read; the answer carries no ETag: {}", ex.toString());
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { graph, type.toString(), query, hash, String.valueOf(operationName),
					String.valueOf(params.getFirst("variables")), String.valueOf(params.getFirst("extensions")) }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27)
					+ "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether {@code If-None-Match} names the ETag (weakly compared, as RFC 9110 asks for
	 * this header), or is *.
	 */
	static boolean matches(List<String> ifNoneMatch, String etag) {
		String opaque = etag.substring(1, etag.length() - 1);
		for (String header : ifNoneMatch) {
			for (String tag : header.split(",")) {
				String t = tag.strip();
				if (t.equals("*")) {
					return true;
				}
				if (t.startsWith("W/")) {
					t = t.substring(2);
				}
				if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
						&& t.substring(1, t.length() - 1).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	private ServerResponse badParameter(String problem) {
		return error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_ARGUMENT,
				"GET " + this.path + ": " + problem
						+ "; send ?query=<document>&variables=<JSON object>&operationName=<name>, URL-encoded",
				Map.of());
	}

	private static ServerResponse error(HttpStatus status, ErrorCode code, String message, Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(more);
		return ServerResponse.status(status)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(HttpErrorBody.of(message, extensions));
	}

	private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
		// the API reads no cookie; passed on as Spring's POST handler does
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		request.cookies()
			.forEach((name, values) -> values
				.forEach(cookie -> cookies.add(name, new HttpCookie(cookie.getName(), cookie.getValue()))));
		return cookies;
	}

}
