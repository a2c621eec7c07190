package org.policygraph.importing;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do), per node label and relationship type.
 *
 * @param dryRun true when nothing was kept
 * @param counts one entry per label or relationship type
 */
public record ImportReport(boolean dryRun, List<Count> counts) {

	/**
	 * @param kind NODE or RELATIONSHIP
	 * @param name the label or relationship type
	 * @param rows rows in the input
	 * @param created new in the graph
	 * @param updated already there with other properties
	 * @param unchanged already there exactly as given
	 */
	public record Count(String kind, String name, long rows, long created, long updated, long unchanged) {
	}

	public long created() {
		return this.counts.stream().mapToLong(Count::created).sum();
	}

	public long updated() {
		return this.counts.stream().mapToLong(Count::updated).sum();
	}

}
