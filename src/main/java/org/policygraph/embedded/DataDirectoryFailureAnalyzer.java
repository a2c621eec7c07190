package org.policygraph.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unusable data directory into Spring Boot's "APPLICATION FAILED TO START"
 * report with what to do.
 */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnusableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnusableException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give policygraph.embedded.data-dir a writable directory on a file system with free space (the store was"
						+ " not touched), or set NEO4J_URI to use an external Neo4j.",
				cause);
	}

}
