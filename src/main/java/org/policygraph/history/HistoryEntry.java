package org.policygraph.history;

import java.util.List;

import org.policygraph.source.SourceRef;

/**
 * A change as one node saw it.
 *
 * @param change the change record
 * @param action what happened to the node
 * @param nodeId the node changed: the one asked for, or one of its observations or budgets
 * @param fields the fields that changed, before and after
 * @param link for a link change, the link
 */
public record HistoryEntry(Change change, String action, String nodeId, List<FieldChange> fields, LinkChange link) {

	/** A change record. */
	public record Change(String id, String at, String actor, String actorName, String operation, SourceRef source) {
	}

	/** One field's value before and after, as JSON text. */
	public record FieldChange(String field, String before, String after) {
	}

	/** The link a change made or retired. */
	public record LinkChange(String type, String otherId, String direction) {
	}

}
