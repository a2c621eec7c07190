package org.policygraph.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PolicyGraphServerTest;
import org.policygraph.support.TestTokens;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload from someone who is not an editor is refused from its headers: the service
 * answers before the body is sent, and closes the connection instead of reading the rest
 * of it (Tomcat would otherwise read up to server.tomcat.max-swallow-size, 64MB, of it).
 * Found by a stranger's probe: a 38 MB anonymous upload was read in full before the 401.
 * A real Tomcat on a free port and a raw socket, since MockMvc has no connection.
 */
@PolicyGraphServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadRefusalIT {

	/** What the client says it will send; it sends only {@link #SENT} of it. */
	static final long DECLARED = 40L * 1024 * 1024;

	static final int SENT = 4 * 1024;

	/**
	 * Far less than sending 40 MB would take, far more than answering from the headers
	 * does.
	 */
	static final Duration PROMPTLY = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Test
	void anAnonymousUploadIsAnswered401BeforeItsBodyIsSentAndTheConnectionIsClosed() throws Exception {
		Answer answer = upload(null);
		assertThat(answer.head()).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
		assertThat(answer.body()).contains("\"code\":\"UNAUTHORIZED\"");
		assertThat(answer.closedByServer()).as("connection closed without the rest of the body").isTrue();
	}

	@Test
	void aReadersUploadIsAnswered403BeforeItsBodyIsSentAndTheConnectionIsClosed() throws Exception {
		Answer answer = upload(TestTokens.reader("resident-upload"));
		assertThat(answer.head()).startsWith("HTTP/1.1 403").containsIgnoringCase("connection: close");
		assertThat(answer.body()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(answer.closedByServer()).as("connection closed without the rest of the body").isTrue();
	}

	@Test
	void anUploadWithARefusedTokenIsAnswered401BeforeItsBodyIsSent() throws Exception {
		Answer answer = upload(TestTokens.editorSignedByStranger("officer-upload"));
		assertThat(answer.head()).startsWith("HTTP/1.1 401");
		assertThat(answer.closedByServer()).isTrue();
	}

	/**
	 * Sends the headers of a 40 MB multipart upload and 4 KB of its body, then reads: the
	 * answer must come, and the connection end, within {@link #PROMPTLY}, while the
	 * client sends nothing more.
	 */
	Answer upload(String token) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(Math.toIntExact(PROMPTLY.toMillis()));
			long started = System.nanoTime();
			OutputStream out = socket.getOutputStream();
			String head = "POST /imports HTTP/1.1\r\nHost: localhost\r\n"
					+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "")
					+ "Content-Type: multipart/form-data; boundary=probe\r\nContent-Length: " + DECLARED + "\r\n\r\n"
					+ "--probe\r\nContent-Disposition: form-data; name=\"files\"; filename=\"budgets.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			byte[] filler = new byte[SENT];
			Arrays.fill(filler, (byte) 'x');
			out.write(filler);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			boolean closed;
			Duration answeredIn = null;
			try {
				byte[] first = new byte[8192];
				int n = in.read(first);
				answeredIn = Duration.ofNanos(System.nanoTime() - started);
				if (n > 0) {
					received.write(first, 0, n);
				}
				in.transferTo(received);
				closed = true;
			}
			catch (SocketTimeoutException ex) {
				// the server kept the connection open, waiting to read the rest of the
				// body
				closed = false;
			}
			catch (SocketException ex) {
				// closed with the client's unread bytes still in its buffers: a reset
				// after the answer
				closed = true;
			}
			assertThat(answeredIn).as("time to the first byte of the answer").isNotNull().isLessThan(PROMPTLY);
			String text = received.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("a whole response head in: " + text).isPositive();
			return new Answer(text.substring(0, end), text.substring(end + 4), closed);
		}
	}

	record Answer(String head, String body, boolean closedByServer) {
	}

}
