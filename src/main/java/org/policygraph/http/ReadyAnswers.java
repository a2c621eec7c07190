package org.policygraph.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring for GraphQL's POST handler, answering in the request's own dispatch when the
 * answer is ready by the time the handler returns, as it is for every read (the data
 * fetchers run on the request's thread). Spring's own handler always answers through an
 * asynchronous dispatch, so each request went through Tomcat, every filter (Spring
 * Security's chain included) and the dispatcher servlet twice: 6% of the samples of
 * {@code { __typename }} in a JFR profile of the packaged service. An answer not ready
 * yet, or a failure, still takes Spring's asynchronous path.
 */
final class ReadyAnswers extends GraphQlHttpHandler {

	ReadyAnswers(WebGraphQlHandler handler) {
		super(handler);
	}

	@Override
	protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> answer) {
		AtomicBoolean answered = new AtomicBoolean();
		ServerResponse response = super.prepareResponse(request, answer.doOnNext(a -> answered.set(true)));
		return answered.get() ? ready(response) : response;
	}

	/**
	 * The answer of an asynchronous response whose answer is there, or the response
	 * itself when it failed (its asynchronous path maps the failure).
	 */
	static ServerResponse ready(ServerResponse response) {
		if (response instanceof AsyncServerResponse async) {
			try {
				return async.block();
			}
			catch (RuntimeException ex) {
				return response;
			}
		}
		return response;
	}

	/** A future's answer when it is already there, else the asynchronous response. */
	static ServerResponse ready(CompletableFuture<ServerResponse> answer) {
		return (answer.isDone() && !answer.isCompletedExceptionally() && !answer.isCancelled()) ? answer.join()
				: ServerResponse.async(answer);
	}

}
