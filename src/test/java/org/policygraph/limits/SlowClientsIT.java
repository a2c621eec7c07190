package org.policygraph.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphServerTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stranger's slow clients against the whole service on a real port, with its default
 * limits: more connections than Tomcat has worker threads, each sending its body (or its
 * headers) a byte at a time, must not delay anyone else's reads. Before the body gate,
 * 200 such bodies held all 200 threads, and an ordinary query waited more than 8 s.
 */
@PolicyGraphServerTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsIT {

	/** More than Tomcat's 200 worker threads (server.tomcat.threads.max). */
	static final int SLOW_CLIENTS = 220;

	/**
	 * A byte this often: well inside the 5 s a read may wait for the next
	 * (server.tomcat.connection-timeout).
	 */
	static final Duration TRICKLE = Duration.ofSeconds(1);

	/**
	 * An ordinary read on this project's loaded 2-core CI machine takes tens of
	 * milliseconds; slow clients held it > 8 s.
	 */
	static final Duration ORDINARY_READ = Duration.ofSeconds(1);

	static final String PILLARS = "{\"query\": \"{ pillars { name } }\"}";

	static final String RETIRE = """
			{"query": "mutation($i: RetireInput!) { retire(input: $i) { __typename } }",
			 "variables": {"i": {"id": "prog-megaregion", "source": {"sourceId": "shin-vision-r8-programs", "section": "Ⅰ/No.1"}}}}""";

	/** A body of 5,000 bytes, as the probe announced. */
	static final int ANNOUNCED = 5000;

	@LocalServerPort
	int port;

	@Autowired
	LimitsProperties limits;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final List<Socket> slow = new ArrayList<>();

	ScheduledExecutorService trickler;

	@BeforeAll
	void warmUp() throws Exception {
		// the first requests of a fresh JVM compile the request path; the bound is for a
		// service that has run
		for (int i = 0; i < 20; i++) {
			assertThat(ordinaryRead().statusCode()).isEqualTo(200);
		}
		// and the first token fetches the issuer's keys, which on a loaded machine may
		// time out once
		for (int i = 0; i < 3
				&& !readerRetires(RETIRE.getBytes(StandardCharsets.UTF_8), 0).contains("FORBIDDEN"); i++) {
			Thread.sleep(1000);
		}
	}

	@BeforeEach
	void startTrickler() {
		this.trickler = Executors.newSingleThreadScheduledExecutor();
	}

	@AfterEach
	void closeSlowClients() throws IOException {
		this.trickler.shutdownNow();
		for (Socket socket : this.slow) {
			socket.close();
		}
		this.slow.clear();
	}

	@Test
	void twoHundredTricklingBodiesLeaveOrdinaryReadsAnsweredAtOnceAndAreCutAtTheBodyDeadline() throws Exception {
		Instant start = Instant.now();
		for (int i = 0; i < SLOW_CLIENTS; i++) {
			// most on the GraphQL endpoint; some that are refused before anything reads
			// their body (a wildcard
			// content type, a path served by nothing), which Tomcat would otherwise read
			// after the answer
			String head = (i % 20 == 1) ? head("/graphql", "*/*")
					: (i % 20 == 2) ? head("/no-such-path", "application/json") : head("/graphql", "application/json");
			this.slow.add(open(head + "{"));
		}
		trickle(" ");

		assertOrdinaryReadsAnsweredAtOnce();

		// each is answered 408 with the stable code, or closed, once the body deadline
		// (checked once a second) passes
		Instant deadline = start.plus(this.limits.requestBodyTimeout()).plusSeconds(4);
		for (Socket socket : this.slow) {
			String answer = readUntilClosed(socket, deadline);
			assertThat(answer).as("a trickling body's answer")
				.satisfiesAnyOf(text -> assertThat(text).startsWith("HTTP/1.1 408 ")
					.contains("\"code\":\"REQUEST_BODY_TIMEOUT\""), text -> assertThat(text).isEmpty());
		}
	}

	@Test
	void twoHundredTricklingHeadersLeaveOrdinaryReadsAnsweredAtOnceAndAreClosedAtTheHeaderDeadline() throws Exception {
		Instant start = Instant.now();
		for (int i = 0; i < SLOW_CLIENTS; i++) {
			this.slow.add(open("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
		}
		trickle("a");

		assertOrdinaryReadsAnsweredAtOnce();

		// still sending, each is closed once the header deadline (checked once a second)
		// passes
		Instant deadline = start.plus(this.limits.requestHeaderTimeout()).plusSeconds(4);
		for (Socket socket : this.slow) {
			assertThat(readUntilClosed(socket, deadline)).as("a trickling header's answer").isEmpty();
		}
	}

	@Test
	void aBodyThatArrivesInPiecesWithinTheDeadlineIsAnsweredAsAnyOther() throws Exception {
		byte[] body = PILLARS.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write((head("/graphql", "application/json", body.length)).getBytes(StandardCharsets.US_ASCII));
			for (int from = 0; from < body.length; from += 10) {
				Thread.sleep(300);
				socket.getOutputStream().write(body, from, Math.min(10, body.length - from));
			}
			String answer = readUntilClosed(socket, Instant.now().plusSeconds(10));
			assertThat(answer).startsWith("HTTP/1.1 200 ").contains("稼げるまち", "彩りあるまち", "安らぐまち");
		}
	}

	@Test
	void aMutationWhoseBodyArrivesLateIsJudgedByItsToken() throws Exception {
		String answer = readerRetires(RETIRE.getBytes(StandardCharsets.UTF_8), 1000);
		// the reader's token was read: not UNAUTHORIZED, as a request without one would
		// be; and the security headers
		// were written
		assertThat(answer).startsWith("HTTP/1.1 200 ")
			.contains("\"code\":\"FORBIDDEN\"", "'resident' may read but not change")
			.contains("X-Content-Type-Options: nosniff");
	}

	/**
	 * A reader's retirement of a program, its body sent this long after its headers; the
	 * whole answer.
	 */
	String readerRetires(byte[] body, long lateMillis) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			String head = head("/graphql", "application/json", body.length).replace("\r\n\r\n",
					"\r\nAuthorization: Bearer " + TestTokens.reader("resident") + "\r\n\r\n");
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			Thread.sleep(lateMillis);
			socket.getOutputStream().write(body);
			return readUntilClosed(socket, Instant.now().plusSeconds(10));
		}
	}

	/**
	 * Sequential ordinary reads while the slow clients are connected, each answered
	 * correctly within the bound.
	 */
	void assertOrdinaryReadsAnsweredAtOnce() throws Exception {
		// time for Tomcat to take up every slow connection
		Thread.sleep(1000);
		for (int i = 0; i < 6; i++) {
			Instant sent = Instant.now();
			HttpResponse<String> response = ordinaryRead();
			Duration took = Duration.between(sent, Instant.now());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("稼げるまち", "彩りあるまち", "安らぐまち");
			assertThat(took).as("ordinary read %d while %d slow clients are connected", i, SLOW_CLIENTS)
				.isLessThan(ORDINARY_READ);
			Thread.sleep(200);
		}
	}

	HttpResponse<String> ordinaryRead() throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofString(PILLARS))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String head(String path, String contentType) {
		return head(path, contentType, ANNOUNCED);
	}

	static String head(String path, String contentType, int length) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + length + "\r\n\r\n";
	}

	Socket open(String start) throws IOException {
		Socket socket = new Socket("localhost", this.port);
		socket.getOutputStream().write(start.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
		return socket;
	}

	/**
	 * One more byte on every slow connection every {@link #TRICKLE}, for as long as the
	 * server keeps it open.
	 */
	void trickle(String oneByte) {
		byte[] bytes = oneByte.getBytes(StandardCharsets.US_ASCII);
		this.trickler.scheduleWithFixedDelay(() -> {
			for (Socket socket : this.slow) {
				try {
					if (!socket.isOutputShutdown()) {
						socket.getOutputStream().write(bytes);
						socket.getOutputStream().flush();
					}
				}
				catch (IOException closed) {
					shutdownOutput(socket);
				}
			}
		}, TRICKLE.toMillis(), TRICKLE.toMillis(), TimeUnit.MILLISECONDS);
	}

	static void shutdownOutput(Socket socket) {
		try {
			socket.shutdownOutput();
		}
		catch (IOException alreadyClosed) {
			// nothing more to send on it either way
		}
	}

	/**
	 * What the server sent until it closed the connection (a reset counts as closed),
	 * failing if it is still open at the deadline.
	 */
	static String readUntilClosed(Socket socket, Instant deadline) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		while (true) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			assertThat(left)
				.as("the server closes the connection in time; it sent: " + received.toString(StandardCharsets.UTF_8))
				.isPositive();
			socket.setSoTimeout((int) left);
			int n;
			try {
				n = in.read(buffer);
			}
			catch (SocketTimeoutException stillOpen) {
				continue;
			}
			catch (IOException reset) {
				n = -1;
			}
			if (n < 0) {
				return received.toString(StandardCharsets.UTF_8);
			}
			received.write(buffer, 0, n);
		}
	}

}
