package org.policygraph.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt port analysts connect to, in front of the embedded Neo4j's own listener. Neo4j
 * accepts a WebSocket on its Bolt port from any web page and has no setting to check the
 * page's {@code Origin}; this gate does. A connection that starts with Bolt's preamble (a
 * driver, cypher-shell) is passed through as it is; one that starts with a WebSocket
 * upgrade is passed through only when it carries no {@code Origin} or an allowed one (the
 * service's own Neo4j Browser), and is answered {@code 403} otherwise; anything else is
 * closed. Bytes are copied as they come: Neo4j still asks for the password.
 */
final class BoltGate implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BoltGate.class);

	private static final byte[] BOLT_PREAMBLE = { 0x60, 0x60, (byte) 0xB0, 0x17 };

	/**
	 * A WebSocket upgrade request is a few hundred bytes; anything near this is not one.
	 */
	private static final int MAX_HEAD = 16 * 1024;

	/**
	 * Time a client has to say what it speaks; a silent connection holds no thread
	 * longer.
	 */
	private static final int FIRST_BYTES_TIMEOUT_MILLIS = 10_000;

	private final ServerSocket listener;

	private final InetSocketAddress neo4j;

	private final Predicate<String> originAllowed;

	private final Semaphore connections;

	private final AtomicInteger ids = new AtomicInteger();

	private BoltGate(ServerSocket listener, InetSocketAddress neo4j, Predicate<String> originAllowed,
			int maxConnections) {
		this.listener = listener;
		this.neo4j = neo4j;
		this.originAllowed = originAllowed;
		this.connections = new Semaphore(maxConnections);
	}

	/**
	 * Listens on the address, passing connections to Neo4j's own listener; port 0 picks a
	 * free one.
	 */
	static BoltGate open(BoltAddress address, InetSocketAddress neo4j, Predicate<String> originAllowed,
			int maxConnections) throws IOException {
		ServerSocket listener = new ServerSocket();
		listener.setReuseAddress(true);
		listener.bind(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), 128);
		BoltGate gate = new BoltGate(listener, neo4j, originAllowed, maxConnections);
		Thread.ofPlatform().daemon().name("bolt-gate").start(gate::accept);
		return gate;
	}

	int port() {
		return this.listener.getLocalPort();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (!this.connections.tryAcquire()) {
					log.warn("Bolt: refused a connection from {}: {} connections are open already",
							client.getRemoteSocketAddress(), this.connections.availablePermits());
					client.close();
					continue;
				}
				Thread.ofPlatform().daemon().name("bolt-gate-" + this.ids.incrementAndGet()).start(() -> serve(client));
			}
			catch (IOException ex) {
				if (!this.listener.isClosed()) {
					log.warn("Bolt: accepting a connection failed: {}", ex.getMessage());
				}
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setSoTimeout(FIRST_BYTES_TIMEOUT_MILLIS);
			client.setTcpNoDelay(true);
			InputStream in = client.getInputStream();
			byte[] start = in.readNBytes(4);
			byte[] first;
			if (Arrays.equals(start, BOLT_PREAMBLE)) {
				first = start;
			}
			else if (Arrays.equals(start, "GET ".getBytes(StandardCharsets.US_ASCII))) {
				byte[] head = readHead(in, start);
				if (head == null) {
					return;
				}
				String origin = header(new String(head, StandardCharsets.ISO_8859_1), "origin");
				if (origin != null && !this.originAllowed.test(origin)) {
					log.info("Bolt: refused a WebSocket from origin {}", origin.replaceAll("\\p{Cntrl}", "?"));
					String body = "This origin may not open Bolt's WebSocket";
					client.getOutputStream()
						.write(("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
								+ "\r\nConnection: close\r\n\r\n" + body)
							.getBytes(StandardCharsets.US_ASCII));
					return;
				}
				first = head;
			}
			else {
				return;
			}
			client.setSoTimeout(0);
			try (Socket server = new Socket()) {
				server.connect(this.neo4j, 5_000);
				server.setTcpNoDelay(true);
				server.getOutputStream().write(first);
				Thread upstream = Thread.ofPlatform()
					.daemon()
					.name(Thread.currentThread().getName() + "-up")
					.start(() -> copy(in, outputOf(server), server, client));
				copy(server.getInputStream(), client.getOutputStream(), server, client);
				upstream.join();
			}
		}
		catch (IOException ex) {
			log.debug("Bolt: connection ended: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.connections.release();
		}
	}

	/**
	 * The request line and headers, up to the empty line; null when they never end or are
	 * too long.
	 */
	private static byte[] readHead(InputStream in, byte[] start) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		head.write(start);
		int last4 = 0;
		while (head.size() < MAX_HEAD) {
			int b = in.read();
			if (b == -1) {
				return null;
			}
			head.write(b);
			last4 = (last4 << 8) | b;
			if (last4 == 0x0D0A0D0A) {
				return head.toByteArray();
			}
		}
		return null;
	}

	static String header(String head, String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	private static OutputStream outputOf(Socket socket) {
		try {
			return socket.getOutputStream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Copies until either side ends, then closes both, so the other direction ends too.
	 */
	private static void copy(InputStream from, OutputStream to, Socket a, Socket b) {
		byte[] buffer = new byte[16 * 1024];
		try {
			int n;
			while ((n = from.read(buffer)) != -1) {
				to.write(buffer, 0, n);
				to.flush();
			}
		}
		catch (SocketException ex) {
			// the other direction closed the sockets
		}
		catch (IOException ex) {
			log.debug("Bolt: copy ended: {}", ex.getMessage());
		}
		finally {
			closeQuietly(a);
			closeQuietly(b);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

}
