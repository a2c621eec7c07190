package org.policygraph.persisted;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.policygraph.errors.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;

/**
 * Finds the document a request names by hash ({@code extensions.persistedQuery}, into
 * which {@link PersistedRequestFilter} turns a {@code documentId}), keeps documents sent
 * with their hash, and in the allow-list mode refuses every document that is not listed.
 * <p>
 * graphql-java's {@code ApolloPersistedQuerySupport} does the first two as the one
 * {@code PreparsedDocumentProvider}, but it keeps every document whose hash matched,
 * before the query limits ran and without a bound (its in-memory cache is a plain map),
 * and its errors carry no {@code code}. Here the document found replaces the request's
 * before anything reads it, so everything after (the read transaction, the parser's
 * limits, the depth and cost limits, the cache of validated documents) sees an ordinary
 * request; Spring for GraphQL's part of the protocol, a request without {@code query}
 * read as {@link PersistedQuerySupport#PERSISTED_QUERY_MARKER}, is kept.
 */
final class PersistedDocumentsInterceptor implements WebGraphQlInterceptor, Ordered {

	/**
	 * How the messages of the two protocol answers begin: PersistedQueryNotFound,
	 * PersistedQueryNotSupported.
	 */
	private static final String PROTOCOL_MESSAGE = "PersistedQuery";

	private final PersistedDocuments documents;

	PersistedDocumentsInterceptor(PersistedDocuments documents) {
		this.documents = documents;
	}

	/**
	 * Inside the time limit and the refusal wording, outside the read transaction, which
	 * reads the document.
	 */
	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object persistedQuery = request.getExtensions().get("persistedQuery");
		if (persistedQuery == null) {
			if (this.documents.onlyListed() && !this.documents.isListed(DocumentHash.of(request.getDocument()))) {
				return refuse(request, notAllowed());
			}
			return chain.next(request);
		}
		if (!(persistedQuery instanceof Map<?, ?> persisted) || !isVersion1(persisted.get("version"))) {
			return refuse(request,
					protocolError(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported"));
		}
		if (!DocumentHash.isHash(persisted.get("sha256Hash"))) {
			// PersistedRequestFilter refuses these with 400 before; a request that
			// reached here another way
			return refuse(request, protocolError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound"));
		}
		String hash = DocumentHash.normalized((String) persisted.get("sha256Hash"));
		String document = request.getDocument();
		if (document == null || document.isBlank() || document.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER)) {
			String known = this.documents.find(hash);
			if (known == null) {
				return refuse(request, this.documents.onlyListed() ? notAllowed()
						: protocolError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound"));
			}
			return chain.next(withDocument(request, known));
		}
		if (!hash.equals(DocumentHash.of(document))) {
			return refuse(request,
					error(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
							"The document sent is not the one its hash names: the SHA-256 of its text (UTF-8) is "
									+ DocumentHash.of(document)));
		}
		if (this.documents.isListed(hash)) {
			return chain.next(request);
		}
		if (this.documents.onlyListed()) {
			return refuse(request, notAllowed());
		}
		// kept once it ran: it parsed, validated and passed the depth, cost and size
		// limits
		return chain.next(request).doOnNext(response -> {
			if (response.getExecutionResult().isDataPresent()) {
				this.documents.keep(hash, document);
			}
		});
	}

	private static boolean isVersion1(Object version) {
		return version instanceof Number number && number.doubleValue() == 1;
	}

	/** The request as if the client had sent the document itself. */
	private static WebGraphQlRequest withDocument(WebGraphQlRequest request, String document) {
		return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
				request.getRemoteAddress(), request.getAttributes(), new DefaultGraphQlRequest(document,
						request.getOperationName(), request.getVariables(), request.getExtensions()),
				request.getId(), request.getLocale());
	}

	private static GraphQLError notAllowed() {
		return error(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, "Only the service's listed documents run here "
				+ "(policygraph.persisted-documents.mode: allow-list); send a listed document, its hash or its documentId");
	}

	/**
	 * Apollo's clients look for these messages (or the codes) to send the document, or
	 * stop sending hashes.
	 */
	private static GraphQLError protocolError(ErrorCode code, String message) {
		if (!message.startsWith(PROTOCOL_MESSAGE)) {
			throw new IllegalArgumentException(message);
		}
		return error(code, message);
	}

	private static GraphQLError error(ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(code.classification())
			.message(message)
			.locations(null)
			.extensions(Map.of("code", code.name()))
			.build();
	}

	/**
	 * The request answered with the error, without running. The two protocol answers
	 * carry {@code "data": null}: without data, a client that accepts
	 * application/graphql-response+json would get status 400, and Apollo Client 3 and
	 * others then stop sending hashes for good; with it, every client gets 200 and sends
	 * the document.
	 */
	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, GraphQLError error) {
		boolean protocol = error.getMessage().startsWith(PROTOCOL_MESSAGE);
		ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().errors(List.of(error));
		if (protocol) {
			result.data(null);
		}
		return Mono.just(new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result.build())));
	}

}
