package org.policygraph.embedded;

import java.util.List;

import inet.ipaddr.IPAddressString;

/**
 * The addresses Cypher may not fetch from ({@code LOAD CSV FROM 'http://…'}): this
 * machine, private networks, link-local (cloud metadata services), carrier-grade NAT,
 * multicast and reserved ranges, in IPv4 and IPv6. Neo4j checks the address a URL's host
 * resolves to, so a name that points inside is refused as well.
 */
final class CypherUrlBlocklist {

	static final List<IPAddressString> ADDRESSES = List
		.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
				"192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128",
				"::ffff:0:0/96", "64:ff9b::/96", "fc00::/7", "fe80::/10", "ff00::/8")
		.stream()
		.map(IPAddressString::new)
		.toList();

	private CypherUrlBlocklist() {
	}

}
