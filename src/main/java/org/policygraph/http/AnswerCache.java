package org.policygraph.http;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * Answers to anonymous queries kept for the graph's version ({@link GraphVersion}): the
 * same document, operation, variables and language asked again before anything changed
 * get the answer computed the first time, without a transaction or a statement. Every
 * answer belongs to one version; when the version moves (an edit or an import through
 * this instance at once, another instance's within the second {@link GraphVersion} keeps
 * a read, the city's date at midnight), every kept answer is dropped. Answers with an
 * error, answers to requests with a token (which may see what others may not) and
 * requests that may write are never kept. At most {@code maxEntries} answers, of
 * documents of at most 8 KB, are kept; when full, new answers are not kept until the
 * version moves. A request that says {@code Cache-Control: no-cache} is answered afresh
 * (and its answer kept); one that says {@code no-store} is neither served nor kept.
 * {@code policygraph.answer-cache.enabled=false} turns it off.
 */
final class AnswerCache implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AnswerCache.class);

	private static final int MAX_DOCUMENT_LENGTH = 8 * 1024;

	private final GraphVersion version;

	private final Operations operations;

	private final int maxEntries;

	private volatile Answers answers = new Answers("", new ConcurrentHashMap<>());

	/** The answers kept for one version of the graph. */
	private record Answers(String version, Map<Question, ExecutionResult> byQuestion) {
	}

	/** Everything a request's answer depends on besides the graph. */
	private record Question(String document, String operationName, Map<String, Object> variables, Locale locale) {
	}

	AnswerCache(GraphVersion version, Operations operations, int maxEntries) {
		this.version = version;
		this.operations = operations;
		this.maxEntries = maxEntries;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || document == null
				|| document.length() > MAX_DOCUMENT_LENGTH || this.operations.mayWrite(document)) {
			return chain.next(request);
		}
		String cacheControl = String.join(",", request.getHeaders().getValuesAsList(HttpHeaders.CACHE_CONTROL))
			.toLowerCase(Locale.ROOT);
		if (cacheControl.contains("no-store")) {
			return chain.next(request);
		}
		String graph;
		try {
			graph = this.version.current();
		}
		catch (RuntimeException ex) {
			// the version cannot be read (an external database away, say): the question
			// is answered afresh, and its fields report the database's state with their
			// codes
			log.debug("The graph's version could not be read; answering without the cache: {}", ex.toString());
			return chain.next(request);
		}
		Answers current = answersOf(graph);
		Question question = new Question(document, emptyToNull(request.getOperationName()),
				Objects.requireNonNullElse(request.getVariables(), Map.of()), request.getLocale());
		ExecutionResult kept = cacheControl.contains("no-cache") ? null : current.byQuestion().get(question);
		if (kept != null) {
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), kept)));
		}
		return chain.next(request).doOnNext(response -> {
			ExecutionResult result = response.getExecutionResult();
			if (response.isValid() && result.getErrors().isEmpty() && current.byQuestion().size() < this.maxEntries) {
				current.byQuestion().putIfAbsent(question, result);
			}
		});
	}

	/**
	 * The answers of this version; a new, empty set when the version moved. An answer
	 * computed while the version moves is kept with the version it was asked under, which
	 * no later request reads.
	 */
	private Answers answersOf(String version) {
		Answers current = this.answers;
		if (!current.version().equals(version)) {
			current = new Answers(version, new ConcurrentHashMap<>());
			this.answers = current;
		}
		return current;
	}

	private static String emptyToNull(String name) {
		return (name == null || name.isEmpty()) ? null : name;
	}

}
