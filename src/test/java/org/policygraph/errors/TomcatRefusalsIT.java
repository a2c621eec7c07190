package org.policygraph.errors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses while reading the request line and headers, before any filter
 * or servlet runs, sent as raw bytes on a socket (an HTTP client would not send them).
 * Each is answered in the service's error shape with a stable code that says the request
 * was at fault: never INTERNAL, never Tomcat's HTML page or a stack trace.
 */
@PolicyGraphServerTest
class TomcatRefusalsIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void anUnsupportedHttpVersionIs505WithItsOwnCode() throws IOException {
		Answer answer = send("GET / HTTP/9.9\r\nHost: localhost\r\n\r\n");
		assertThat(answer.status()).isEqualTo(505);
		assertThat(answer.code()).isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
		assertThat(answer.message()).isEqualTo("The request's HTTP version is not supported; use HTTP/1.1");
	}

	@Test
	void aMethodThatIsNotATokenIsABadRequest() throws IOException {
		Answer answer = send("G(E)T / HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	@Test
	void aRequestLineWithASpaceInItsTargetIsABadRequest() throws IOException {
		Answer answer = send("GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	@Test
	void aControlCharacterInTheTargetIsABadRequest() throws IOException {
		Answer answer = send("GET /\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	@Test
	void aHeaderLargerThanTomcatReadsIsRefusedWithACode() throws IOException {
		Answer answer = send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n");
		assertThat(answer.status()).isBetween(400, 499);
		assertThat(answer.code()).isIn("BAD_ARGUMENT", "REQUEST_TOO_LARGE");
	}

	@Test
	void aHeaderWithoutAColonIsABadRequest() throws IOException {
		Answer answer = send("GET / HTTP/1.1\r\nHost: localhost\r\nnot a header\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	@Test
	void anHttp11RequestWithoutHostIsABadRequest() throws IOException {
		Answer answer = send("GET / HTTP/1.1\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	@Test
	void anUnknownTransferEncodingIsRefusedAsTheClientsMistake() throws IOException {
		Answer answer = send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: x-unknown\r\n\r\n");
		assertThat(answer.status()).isIn(400, 501);
		assertThat(answer.code()).isEqualTo("BAD_ARGUMENT");
	}

	record Answer(int status, String raw, JsonNode body) {

		String code() {
			return this.body.path("errors").path(0).path("extensions").path("code").asString();
		}

		String message() {
			return this.body.path("errors").path(0).path("message").asString();
		}

	}

	/**
	 * Sends the bytes, reads until the server closes (or stops writing), and checks what
	 * every refusal must be.
	 */
	Answer send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					received.write(buffer, 0, n);
					if (complete(received.toString(StandardCharsets.UTF_8))) {
						break;
					}
				}
			}
			catch (SocketTimeoutException | java.net.SocketException ex) {
				// Tomcat may reset the connection after answering a request it will not
				// read further
			}
			String raw = received.toString(StandardCharsets.UTF_8);
			assertThat(raw).as("an answer to " + abbreviate(request)).startsWith("HTTP/1.1 ");
			int status = Integer.parseInt(raw.substring(9, 12));
			int bodyStart = raw.indexOf("\r\n\r\n");
			String body = (bodyStart < 0) ? "" : raw.substring(bodyStart + 4);
			assertThat(raw).as(raw)
				.containsIgnoringCase("Content-Type: application/json")
				.doesNotContain("Exception", "\tat ", "<html", "Tomcat", "INTERNAL");
			return new Answer(status, raw, JSON.readTree(body));
		}
	}

	/**
	 * A whole response with a Content-Length, so the test does not wait for Tomcat to
	 * close a kept-alive connection.
	 */
	static boolean complete(String raw) {
		int headersEnd = raw.indexOf("\r\n\r\n");
		if (headersEnd < 0) {
			return false;
		}
		for (String line : raw.substring(0, headersEnd).split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				return raw.length() - headersEnd - 4 >= Integer.parseInt(line.substring(15).trim());
			}
		}
		return false;
	}

	static String abbreviate(String request) {
		return (request.length() > 80) ? request.substring(0, 80) + "…" : request;
	}

}
