package org.policygraph.embedded;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process Neo4j that runs when no {@code spring.neo4j.uri} is
 * configured.
 *
 * @param dataDir where the store lives; a restart finds the data there
 * @param boltHost the address Bolt listens on; anything but a loopback address needs
 * {@code boltRemoteAccess}
 * @param boltPort the Bolt port; 0 picks a free one and logs it
 * @param loadDataset whether an empty store is filled with the curated dataset on first
 * start
 * @param minFreeSpace the free space the data directory's file system must have at
 * start-up; Neo4j preallocates its transaction logs (256 MiB each by default) and grows
 * its store, and a disk that fills while it writes stops the database in the middle of a
 * transaction
 * @param password the password of Neo4j's user {@code neo4j}; empty: one generated on
 * first start and kept in the data directory ({@link BoltPassword})
 * @param boltRemoteAccess whether Bolt may listen on an address other machines can reach
 * @param boltAllowedOrigins web origins, besides the service's own Neo4j Browser, whose
 * pages may open Bolt's WebSocket
 */
@ConfigurationProperties("policygraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./var/neo4j") Path dataDir,
		@DefaultValue("localhost") String boltHost, @DefaultValue("7687") int boltPort,
		@DefaultValue("true") boolean loadDataset, @DefaultValue("512MB") DataSize minFreeSpace, String password,
		@DefaultValue("false") boolean boltRemoteAccess, List<String> boltAllowedOrigins) {
}
