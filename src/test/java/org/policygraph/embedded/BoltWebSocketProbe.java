package org.policygraph.embedded;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a script on any web page can do against a Bolt port: open a WebSocket with its own
 * {@code Origin}, shake hands for Bolt 5, say HELLO and LOGON with a given scheme, and
 * run a statement. Written out byte by byte (RFC 6455 frames, PackStream, Bolt's
 * chunking), as a browser's page would send them, with no driver to help.
 */
final class BoltWebSocketProbe implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	/** The HTTP answer to the upgrade request (status line and headers). */
	final String upgradeAnswer;

	private BoltWebSocketProbe(Socket socket, String upgradeAnswer) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.upgradeAnswer = upgradeAnswer;
	}

	static BoltWebSocketProbe open(URI bolt, String origin) throws IOException {
		Socket socket = new Socket(bolt.getHost(), bolt.getPort());
		socket.setSoTimeout(15_000);
		byte[] nonce = new byte[16];
		new SecureRandom().nextBytes(nonce);
		String request = "GET / HTTP/1.1\r\nHost: " + bolt.getHost() + ":" + bolt.getPort()
				+ "\r\nUpgrade: websocket\r\n" + "Connection: Upgrade\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(nonce) + "\r\n" + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin
				+ "\r\n\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return new BoltWebSocketProbe(socket, readHead(socket.getInputStream()));
	}

	boolean upgraded() {
		return this.upgradeAnswer.startsWith("HTTP/1.1 101");
	}

	/**
	 * Bolt's handshake: the magic preamble and the versions 5.8 down to 5.0; the server's
	 * choice.
	 */
	byte[] handshake() throws IOException {
		sendFrame(new byte[] { 0x60, 0x60, (byte) 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		return readFrame();
	}

	/**
	 * HELLO with agents only (Bolt 5.1+ leaves authentication to LOGON); the server's
	 * answer as text.
	 */
	String hello() throws IOException {
		PackStream message = new PackStream().struct(0x01, 1)
			.map(2)
			.string("user_agent")
			.string("probe/1.0")
			.string("bolt_agent")
			.map(1)
			.string("product")
			.string("probe/1.0");
		return exchange(message);
	}

	String logon(String scheme, String user, String password) throws IOException {
		PackStream message = new PackStream().struct(0x6A, 1);
		if (user == null) {
			message.map(1).string("scheme").string(scheme);
		}
		else {
			message.map(3)
				.string("scheme")
				.string(scheme)
				.string("principal")
				.string(user)
				.string("credentials")
				.string(password);
		}
		return exchange(message);
	}

	/**
	 * RUN with no parameters and no extra fields, then PULL all; the answers as text,
	 * CLOSED if the server hung up.
	 */
	String run(String cypher) throws IOException {
		try {
			return runAndPull(cypher);
		}
		catch (IOException ex) {
			return "CLOSED " + ex.getMessage();
		}
	}

	private String runAndPull(String cypher) throws IOException {
		String run = exchange(new PackStream().struct(0x10, 3).string(cypher).map(0).map(0));
		if (!run.startsWith("SUCCESS")) {
			return run;
		}
		return exchange(new PackStream().struct(0x3F, 1).map(1).string("n").integer(-1));
	}

	private String exchange(PackStream message) throws IOException {
		byte[] body = message.bytes();
		ByteArrayOutputStream chunked = new ByteArrayOutputStream();
		chunked.write(body.length >> 8);
		chunked.write(body.length);
		chunked.write(body);
		chunked.write(0);
		chunked.write(0);
		sendFrame(chunked.toByteArray());
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		// one message: chunks until the empty one
		while (true) {
			byte[] frame = readFrame();
			answer.write(frame);
			byte[] all = answer.toByteArray();
			if (all.length >= 2 && all[all.length - 1] == 0 && all[all.length - 2] == 0 && complete(all)) {
				return describe(all);
			}
		}
	}

	private static boolean complete(byte[] chunked) {
		int at = 0;
		while (at + 2 <= chunked.length) {
			int size = ((chunked[at] & 0xFF) << 8) | (chunked[at + 1] & 0xFF);
			at += 2 + size;
			if (size == 0) {
				return at == chunked.length;
			}
		}
		return false;
	}

	/**
	 * SUCCESS, FAILURE, IGNORED or RECORD, then the printable text of the message (its
	 * codes and messages).
	 */
	private static String describe(byte[] chunked) {
		int signature = (chunked.length > 3) ? chunked[3] & 0xFF : -1;
		String kind = switch (signature) {
			case 0x70 -> "SUCCESS";
			case 0x7F -> "FAILURE";
			case 0x7E -> "IGNORED";
			case 0x71 -> "RECORD";
			default -> "UNKNOWN(" + signature + ")";
		};
		return kind + " " + new String(chunked, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
	}

	private void sendFrame(byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x82);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length);
		}
		byte[] mask = new byte[4];
		new SecureRandom().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	private byte[] readFrame() throws IOException {
		int first = this.in.readUnsignedByte();
		int second = this.in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[Math.toIntExact(length)];
		this.in.readFully(payload);
		if ((first & 0x0F) == 0x8) {
			throw new IOException("the server closed the WebSocket");
		}
		return payload;
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int last4 = 0;
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			last4 = (last4 << 8) | b;
			if (last4 == 0x0D0A0D0A) {
				break;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * Just the PackStream a probe needs: tiny structs, maps and strings, and small
	 * integers.
	 */
	private static final class PackStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		PackStream struct(int signature, int fields) {
			this.bytes.write(0xB0 | fields);
			this.bytes.write(signature);
			return this;
		}

		PackStream map(int entries) {
			this.bytes.write(0xA0 | entries);
			return this;
		}

		PackStream string(String text) {
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			if (utf8.length < 16) {
				this.bytes.write(0x80 | utf8.length);
			}
			else if (utf8.length < 256) {
				this.bytes.write(0xD0);
				this.bytes.write(utf8.length);
			}
			else {
				this.bytes.write(0xD1);
				this.bytes.write(utf8.length >> 8);
				this.bytes.write(utf8.length);
			}
			this.bytes.writeBytes(utf8);
			return this;
		}

		PackStream integer(int value) {
			if (value < -16 || value > 127) {
				throw new IllegalArgumentException("only tiny integers");
			}
			this.bytes.write(value & 0xFF);
			return this;
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
