package org.policygraph.http;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal of a request from an origin {@link CrossOrigin.Headers} refused, without a
 * server: made where the request goes on, also in the ASYNC dispatch that hands on a body
 * that arrived late (limits/RequestBodyGate).
 */
class CrossOriginRefusalTests {

	final CrossOrigin.Refusal refusal = new CrossOrigin.Refusal(JsonMapper.builder().build());

	@Test
	void aRequestFromARefusedOriginIsAnswered403AndGoesNoFurther() throws Exception {
		MockHttpServletRequest request = refused(DispatcherType.REQUEST);
		MockHttpServletResponse answer = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.refusal.doFilter(request, answer, chain);
		assertThat(answer.getStatus()).isEqualTo(403);
		assertThat(answer.getContentAsString()).contains("CORS_ORIGIN_REFUSED", "https://elsewhere.example");
		assertThat(chain.getRequest()).isNull();
		assertThat(request.getAttribute(CrossOrigin.REFUSED)).isNull();
	}

	@Test
	void aLateBodyFromARefusedOriginIsRefusedInTheAsyncDispatch() throws Exception {
		MockHttpServletResponse answer = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.refusal.doFilter(refused(DispatcherType.ASYNC), answer, chain);
		assertThat(answer.getStatus()).isEqualTo(403);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void anyOtherRequestGoesOn() throws Exception {
		for (DispatcherType dispatch : new DispatcherType[] { DispatcherType.REQUEST, DispatcherType.ASYNC }) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
			request.setDispatcherType(dispatch);
			MockHttpServletResponse answer = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			this.refusal.doFilter(request, answer, chain);
			assertThat(answer.getStatus()).isEqualTo(200);
			assertThat(chain.getRequest()).isSameAs(request);
		}
	}

	private static MockHttpServletRequest refused(DispatcherType dispatch) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setDispatcherType(dispatch);
		request.setAttribute(CrossOrigin.REFUSED, "https://elsewhere.example");
		return request;
	}

}
