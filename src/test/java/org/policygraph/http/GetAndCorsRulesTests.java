package org.policygraph.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The rules of GET answers and allowed origins, without a server. */
class GetAndCorsRulesTests {

	@Test
	void acceptPicksTheMediaTypeByQualityAndFallsBackToJson() {
		assertThat(GraphQlGet.answerType(List.of())).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(GraphQlGet.answerType(MediaType.parseMediaTypes("*/*"))).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(GraphQlGet.answerType(MediaType.parseMediaTypes("application/graphql-response+json")))
			.isEqualTo(MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
		assertThat(GraphQlGet
			.answerType(MediaType.parseMediaTypes("application/graphql-response+json;q=0.5, application/json")))
			.isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(GraphQlGet.answerType(MediaType.parseMediaTypes("text/html, application/*;q=0.8")))
			.isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(GraphQlGet.answerType(MediaType.parseMediaTypes("text/plain"))).isNull();
		assertThat(GraphQlGet.answerType(MediaType.parseMediaTypes("application/json;q=0"))).isNull();
	}

	@Test
	void ifNoneMatchMatchesTheTagInAListWeaklyOrByStar() {
		String etag = "\"abc\"";
		assertThat(GraphQlGet.matches(List.of("\"abc\""), etag)).isTrue();
		assertThat(GraphQlGet.matches(List.of("\"x\", W/\"abc\""), etag)).isTrue();
		assertThat(GraphQlGet.matches(List.of("*"), etag)).isTrue();
		assertThat(GraphQlGet.matches(List.of("\"abcd\""), etag)).isFalse();
		assertThat(GraphQlGet.matches(List.of("abc"), etag)).isFalse();
		assertThat(GraphQlGet.matches(List.of(), etag)).isFalse();
	}

	@Test
	void allowedOriginsAreComparedAsBrowsersSendThem() {
		CorsProperties properties = new CorsProperties(List.of(" http://localhost:3000 ", "HTTPS://App.Example"));
		assertThat(properties.allows("http://localhost:3000")).isTrue();
		assertThat(properties.allows("https://app.example")).isTrue();
		assertThat(properties.allows("http://localhost:3001")).isFalse();
		assertThat(properties.allows("null")).isFalse();
		assertThat(new CorsProperties(List.of()).allows("http://localhost:3000")).isFalse();
		assertThat(new CorsProperties(List.of("*")).allows("https://any.example")).isTrue();
	}

	@Test
	void anAllowedOriginWithAPathOrNoSchemeStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorsProperties(List.of("https://app.example/")))
			.withMessageContaining("policygraph.cors.allowed-origins");
		assertThatIllegalArgumentException().isThrownBy(() -> new CorsProperties(List.of("app.example")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CorsProperties(List.of("https://app.example/page")));
	}

	@Test
	void springsOwnCorsSettingStopsTheStartNamingTheServicesOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.graphql.cors.allowed-origins",
				"http://localhost:3000");
		assertThatIllegalStateException().isThrownBy(() -> new HttpConfiguration(environment))
			.withMessageContaining("policygraph.cors.allowed-origins");
		new HttpConfiguration(new MockEnvironment());
	}

}
