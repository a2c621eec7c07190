package org.policygraph.embedded;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where the embedded Bolt listens, and how the service reaches it. Loopback unless an
 * operator opts in: Bolt on any other address is reachable from other machines, which
 * must be a decision, not a typo.
 *
 * @param host the configured host, as Neo4j is told to listen on it
 * @param port the configured port (0: any free one)
 * @param wildcard whether it is every interface ({@code 0.0.0.0}, {@code ::})
 * @param loopback whether every address the host names is a loopback address
 */
record BoltAddress(String host, int port, boolean wildcard, boolean loopback) {

	static final String OPT_IN = "policygraph.embedded.bolt-remote-access";

	static BoltAddress of(String host, int port, boolean remoteAccess) {
		String bare = unbracketed(host);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(bare);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(
					"policygraph.embedded.bolt-host=" + host + " names no address of this machine");
		}
		boolean wildcard = Arrays.stream(addresses).anyMatch(InetAddress::isAnyLocalAddress);
		boolean loopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
		if (!loopback && !remoteAccess) {
			throw new IllegalStateException("policygraph.embedded.bolt-host=" + host + " is not a loopback address, so "
					+ "Bolt would be reachable from other machines. Set " + OPT_IN + "=true to allow that, or use "
					+ "localhost");
		}
		return new BoltAddress(bare, port, wildcard, loopback);
	}

	/**
	 * The URI the service's own driver uses: a wildcard is reached through loopback, IPv6
	 * in brackets.
	 */
	URI connectUri(int boundPort) {
		String target = this.wildcard ? "localhost" : this.host;
		try {
			return new URI("bolt", null, target, boundPort, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("no Bolt URI for " + target, ex);
		}
	}

	String describe(int boundPort) {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + boundPort;
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
