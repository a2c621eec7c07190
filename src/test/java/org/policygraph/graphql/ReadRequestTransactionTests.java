package org.policygraph.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests share one read transaction, and how documents are kept once parsed. */
class ReadRequestTransactionTests {

	static final QueriesOnly QUERIES_ONLY = new QueriesOnly(ParserOptions.getDefaultOperationParserOptions());

	@Test
	void queriesShareOneReadTransaction() {
		assertThat(QUERIES_ONLY.test("{ plans { id } }")).isTrue();
		assertThat(QUERIES_ONLY.test("""
				query A { plans { id } }
				query B($id: ID!) { node(id: $id) { id } }""")).isTrue();
	}

	@Test
	void aDocumentWithAMutationAnywhereIsLeftToItsOwnTransactions() {
		assertThat(QUERIES_ONLY.test("""
				query A { plans { id } }
				mutation B { retire(input: {id: "x", source: {sourceId: "s", section: "1"}}) { id } }""")).isFalse();
		// the word alone, in a string or a comment, is not an operation
		assertThat(QUERIES_ONLY.test("""
				# mutation
				{ search(text: "mutation") { score } }""")).isTrue();
	}

	@Test
	void aDocumentThatDoesNotParseIsLeftToGraphqlJava() {
		assertThat(QUERIES_ONLY.test("{ plans { id }")).isFalse();
		assertThat(QUERIES_ONLY.test("fragment F on Plan { id }")).isFalse();
	}

	@Test
	void aDocumentBeyondTheParserLimitsIsNotParsedToTheEnd() {
		QueriesOnly limited = new QueriesOnly(
				ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(20)));
		assertThat(limited.test("{ plans { id } }")).isTrue();
		// graphql-java refuses it with the limit's error; here it is simply not a request
		// of queries
		assertThat(limited.test("{ plans { id name pillars { id name measures { id name programs { id name } } } } }"))
			.isFalse();
	}

	@Test
	void aReadRequestWhoseTransactionCannotBeginRunsWithoutItSoEachReadReportsItsOwnFailure() {
		PlatformTransactionManager away = new AbstractPlatformTransactionManager() {

			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
				throw new CannotCreateTransactionException("the database is away");
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus status) {
			}

		};
		ReadRetryTests.Answers chain = new ReadRetryTests.Answers(ReadRetryTests.UNAVAILABLE);
		WebGraphQlResponse response = new ReadRequestTransaction(away, QUERIES_ONLY)
			.intercept(ReadRetryTests.request("{ plans { id } }"), chain)
			.block();
		assertThat(chain.calls).hasValue(1);
		assertThat(ReadRetryTests.codes(response)).containsExactly(ReadRetryTests.UNAVAILABLE);
	}

	@Test
	void aValidDocumentIsParsedOnceHoweverOftenItIsSent() {
		ValidatedDocuments documents = new ValidatedDocuments();
		AtomicInteger parsed = new AtomicInteger();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ plans { id } }").build();
		for (int i = 0; i < 3; i++) {
			PreparsedDocumentEntry entry = documents.getDocumentAsync(input, in -> {
				parsed.incrementAndGet();
				return new PreparsedDocumentEntry(Parser.parse(in.getQuery()));
			}).join();
			assertThat(entry.hasErrors()).isFalse();
		}
		assertThat(parsed).hasValue(1);
	}

	@Test
	void aDocumentWithErrorsIsCheckedAgainEachTime() {
		ValidatedDocuments documents = new ValidatedDocuments();
		AtomicInteger parsed = new AtomicInteger();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ nothing }").build();
		for (int i = 0; i < 2; i++) {
			documents.getDocumentAsync(input, in -> {
				parsed.incrementAndGet();
				return new PreparsedDocumentEntry(ValidationError.newValidationError()
					.validationErrorType(ValidationErrorType.FieldUndefined)
					.description("no field nothing")
					.build());
			}).join();
		}
		assertThat(parsed).hasValue(2);
	}

}
