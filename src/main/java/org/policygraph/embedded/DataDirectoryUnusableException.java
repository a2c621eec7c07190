package org.policygraph.embedded;

import java.nio.file.Path;

/**
 * The embedded store's directory cannot hold a Neo4j store; the message says which
 * directory and why.
 */
public class DataDirectoryUnusableException extends IllegalStateException {

	private final Path dataDir;

	DataDirectoryUnusableException(Path dataDir, String problem) {
		super("The embedded Neo4j data directory " + dataDir + " (policygraph.embedded.data-dir) cannot be used: "
				+ problem);
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return this.dataDir;
	}

}
