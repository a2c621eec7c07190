package org.policygraph.history;

import java.util.List;

import org.policygraph.source.SourceRef;

/**
 * A change as one node saw it.
 *
 * @param change the change record
 * @param action what happened to the node
 * @param nodeId the node changed: the one asked for, or one of its observations or
 * budgets
 * @param fields the fields that changed, before and after
 * @param link for a link change, the link
 */
public record HistoryEntry(Change change, String action, String nodeId, List<FieldChange> fields, LinkChange link) {

	/** What the public sees instead of an editor's identity. */
	public static final String PUBLIC_ACTOR = "editor";

	/**
	 * The entry as a reader without an editor's token sees it
	 * ({@link Change#forPublic()}).
	 */
	HistoryEntry forPublic() {
		return new HistoryEntry(this.change.forPublic(), this.action, this.nodeId, this.fields, this.link);
	}

	/** A change record. */
	public record Change(String id, String at, String actor, String actorName, String operation, SourceRef source) {

		/**
		 * Without editors' identities: an editor's change (its actor is {@code sub@iss})
		 * shows the actor {@value HistoryEntry#PUBLIC_ACTOR} and no name; the service's
		 * own ({@code system}, {@code retirement}) stay.
		 */
		Change forPublic() {
			return isEditors(this.actor) ? new Change(this.id, this.at, PUBLIC_ACTOR, null, this.operation, this.source)
					: this;
		}

	}

	/**
	 * Editors' actors are {@code sub@iss}; the service's own actors have no issuer, so no
	 * {@code @}.
	 */
	static boolean isEditors(String actor) {
		return actor == null || actor.indexOf('@') >= 0;
	}

	/** One field's value before and after, as JSON text. */
	public record FieldChange(String field, String before, String after) {
	}

	/** The link a change made or retired. */
	public record LinkChange(String type, String otherId, String direction) {
	}

}
