package org.policygraph.importing;

import java.time.Instant;
import java.util.List;

import org.policygraph.history.ImportRun;
import org.policygraph.security.Actor;

/**
 * What an import did (or, in a dry run, would do), per node label and relationship type.
 *
 * @param id the run's id (also its change record's, when kept)
 * @param dryRun true when nothing was kept
 * @param counts one entry per label or relationship type
 * @param mode how it met the graph
 * @param tables for a merge, what it changed in each uploaded table; empty for a replace
 */
public record ImportReport(String id, boolean dryRun, List<ImportRun.Count> counts, ImportMode mode,
		List<ImportRun.TableChanges> tables) {

	/** The report as the API shows it. */
	public ImportRun toRun(Instant at, Actor actor, List<String> files, List<ImportRun.Problem> problems) {
		return new ImportRun(this.id, at.toString(), actor.id(), files, this.dryRun, true, this.counts, problems,
				this.mode.name(), this.tables);
	}

	public long created() {
		return this.counts.stream().mapToLong(ImportRun.Count::created).sum();
	}

	public long updated() {
		return this.counts.stream().mapToLong(ImportRun.Count::updated).sum();
	}

}
