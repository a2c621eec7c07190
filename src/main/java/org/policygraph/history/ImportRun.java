package org.policygraph.history;

import java.util.List;

/**
 * An upload's report, as the API shows it and as a real run's change record keeps it
 * (JSON).
 *
 * @param id the run's id; for a real run, also its change record's
 * @param at when it ran (ISO-8601, UTC)
 * @param actor who ran it ({@code sub@iss})
 * @param files the files read
 * @param dryRun whether nothing was kept
 * @param succeeded whether the data was valid (and, unless a dry run, written)
 * @param counts what it did per label and type
 * @param problems every problem found
 */
public record ImportRun(String id, String at, String actor, List<String> files, boolean dryRun, boolean succeeded,
		List<Count> counts, List<Problem> problems) {

	/**
	 * The report as a reader without an editor's token sees it: the uploader shows as
	 * {@value HistoryEntry#PUBLIC_ACTOR}, and each problem keeps where it is and its code
	 * but not its message, which may quote the refused values (an unpublished budget, a
	 * name).
	 */
	ImportRun forPublic() {
		return new ImportRun(this.id, this.at,
				HistoryEntry.isEditors(this.actor) ? HistoryEntry.PUBLIC_ACTOR : this.actor, this.files, this.dryRun,
				this.succeeded, this.counts,
				(this.problems != null) ? this.problems.stream().map(Problem::forPublic).toList() : List.of());
	}

	/**
	 * What a run did with one node label or relationship type.
	 *
	 * @param kind NODE or RELATIONSHIP
	 * @param name the label or relationship type
	 * @param rows rows in the input
	 * @param created new in the graph
	 * @param updated already there with other properties
	 * @param unchanged already there exactly as given
	 */
	public record Count(String kind, String name, long rows, long created, long updated, long unchanged) {
	}

	public record Problem(String file, int row, String column, String code, String message) {

		static final String HIDDEN = "shown to editors only: the message may quote the uploaded value";

		Problem forPublic() {
			return new Problem(this.file, this.row, this.column, this.code, this.code + "; " + HIDDEN);
		}

	}

}
