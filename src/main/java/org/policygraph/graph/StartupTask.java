package org.policygraph.graph;

/**
 * Work that must be done on the graph after the schema is in place and before requests
 * are served.
 */
@FunctionalInterface
public interface StartupTask {

	void run();

}
