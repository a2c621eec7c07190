package org.policygraph.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own refusals in the service's error shape. Tomcat refuses some requests before
 * any application sees them, so Boot's error page never runs: a path with an encoded
 * {@code /}, {@code \} or NUL, or one that climbs above the root, gets a 400 that Tomcat
 * answers with its HTML error report, from the host's report valve. This replaces that
 * valve (Boot's own, which hides the server's version, and the one Tomcat would add at
 * start) with one that writes {@link HttpErrorBody}'s JSON instead. Errors the
 * application answers never reach it: they have a body.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final JsonMapper json;

	TomcatErrorReport(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			// Tomcat adds a report valve of this class at start unless the host has one
			// already
			host.setErrorReportValveClass(JsonReportValve.class.getName());
			host.getPipeline().addValve(new JsonReportValve(this.json));
		});
	}

	static final class JsonReportValve extends ErrorReportValve {

		private final JsonMapper json;

		JsonReportValve(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			// as Tomcat's: only an error nothing has answered yet, and only once
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			String message = ErrorPage.message(status, request.getMethod(), request.getRequestURI(), response);
			try {
				String body = this.json.writeValueAsString(
						HttpErrorBody.of(message, Map.of("code", HttpErrorBody.codeFor(status).name())));
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				// null when something was written after all
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response was taken over; there is no one left
				// to tell
			}
		}

	}

}
