package org.policygraph.errors;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Boot's global error page, in place of its default body ({@code timestamp},
 * {@code status}, {@code error}): what Spring or Spring Security refuses before a handler
 * of ours runs (an unknown path, a method or media type a path does not take, a path the
 * firewall rejects) is answered in {@link HttpErrorBody}'s shape with the code of its
 * status. Written directly, whatever the request's Accept header, so that the error page
 * itself cannot fail.
 */
@Controller
class ErrorPage implements ErrorController {

	private final JsonMapper json;

	ErrorPage(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(status instanceof Integer code)) {
			// asked for directly, not forwarded to with an error: there is nothing at
			// this path
			HttpErrorBody.write(this.json, response, HttpStatus.NOT_FOUND.value(), ErrorCode.NOT_FOUND.name(),
					message(HttpStatus.NOT_FOUND.value(), request.getMethod(), request.getRequestURI(), response));
			return;
		}
		// a failure's exception is logged where it was thrown (DispatcherServlet,
		// Tomcat), never shown here
		// the error dispatch itself is a GET; the refused request's method is kept in an
		// attribute
		Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpErrorBody.write(this.json, response, code, HttpErrorBody.codeFor(code).name(),
				message(code, String.valueOf(method), String.valueOf(path), response));
	}

	static String message(int status, String method, String requestPath, HttpServletResponse response) {
		// Tomcat may refuse a request before it has read a path from it (a request line
		// it cannot parse)
		String path = (requestPath == null || requestPath.isEmpty() || requestPath.equals("null")) ? "this server"
				: requestPath;
		return switch (status) {
			case 400 -> "The request to " + path + " is malformed (its path, query or headers)";
			case 404 -> "Nothing is served at " + path + "; the API is POST /graphql";
			case 405 -> method + " is not allowed on " + path + allowed(response);
			case 415 -> "The Content-Type of this request is not one " + path + " takes";
			case 431 -> "The request's headers are larger than this server accepts";
			case 501 ->
				"The request asks for something this server does not implement (e.g. a Transfer-Encoding other than chunked)";
			case 505 -> "The request's HTTP version is not supported; use HTTP/1.1";
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				String reason = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
				yield (status >= 500) ? "Internal error; the details are in the server log"
						: "The request to " + path + " was refused: " + reason;
			}
		};
	}

	private static String allowed(HttpServletResponse response) {
		String allow = response.getHeader(HttpHeaders.ALLOW);
		return (allow == null || allow.isBlank()) ? "" : "; use " + allow;
	}

}
