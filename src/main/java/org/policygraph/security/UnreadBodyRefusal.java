package org.policygraph.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A request refused for its token is answered without reading its body, and the
 * connection is closed after the answer. Tomcat would otherwise read the rest of a
 * refused upload to keep the connection ({@code max-swallow-size}, 64MB here):
 * Http11Processor.endRequest reads what is left of the body unless the request is in an
 * error state, and a {@code Connection: close} header alone does not stop that. Only the
 * connector's {@code DISABLE_SWALLOW_INPUT} action does (the one Tomcat takes itself for
 * a refused oversized upload): it stops the read and marks the connection to close once
 * the answer is written. This valve takes that action for the requests the security chain
 * refused.
 */
@Component
class UnreadBodyRefusal implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** Set on a request refused before its body was read. */
	static final String REFUSED = UnreadBodyRefusal.class.getName() + ".refused";

	/**
	 * Marks a refused request whose body may still be on the way, and tells the client
	 * that the connection ends with this answer.
	 */
	static void closeAfter(HttpServletRequest request, HttpServletResponse response) {
		if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
			request.setAttribute(REFUSED, Boolean.TRUE);
			response.setHeader("Connection", "close");
		}
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new StopReadingValve());
	}

	static final class StopReadingValve extends ValveBase {

		StopReadingValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (request.getAttribute(REFUSED) != null) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

	}

}
