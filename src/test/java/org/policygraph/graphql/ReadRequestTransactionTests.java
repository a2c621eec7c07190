package org.policygraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.policygraph.graph.GraphReads;

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
	void aRequestOfQueriesRunsInOneTransactionOfTheReadsAndOthersDoNot() {
		AtomicInteger transactions = new AtomicInteger();
		GraphReads reads = new GraphReads() {

			@Override
			public List<Record> rows(String statement, Map<String, Object> parameters) {
				throw new UnsupportedOperationException();
			}

			@Override
			public <T> T inOneTransaction(Supplier<T> work) {
				transactions.incrementAndGet();
				return work.get();
			}

		};
		ReadRequestTransaction interceptor = new ReadRequestTransaction(reads, QUERIES_ONLY);
		ReadRetryTests.Answers chain = new ReadRetryTests.Answers();
		interceptor.intercept(ReadRetryTests.request("{ plans { id } }"), chain).block();
		assertThat(transactions).hasValue(1);
		interceptor.intercept(ReadRetryTests.request("mutation { retire(input: {id: \"x\"}) { id } }"), chain).block();
		assertThat(transactions).hasValue(1);
		assertThat(chain.calls).hasValue(2);
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
