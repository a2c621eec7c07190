package org.policygraph.history;

import java.util.Map;

/**
 * How one change touched one node, as written beside the change record.
 *
 * @param node the node's element id in the writing transaction
 * @param action what happened to it (see {@code ChangeAction} in the schema)
 * @param before its fields before (or the link's), null when it is new
 * @param after its fields after (or the link's), null when retired
 * @param linkType for a link change, the relationship type
 * @param otherId for a link change, the key of the node at the other end
 * @param outgoing for a link change, whether the link points away from this node
 */
public record Touch(String node, String action, Map<String, Object> before, Map<String, Object> after, String linkType,
		String otherId, Boolean outgoing) {

	public static Touch node(String node, String action, Map<String, Object> before, Map<String, Object> after) {
		return new Touch(node, action, before, after, null, null, null);
	}

	/** The same link change seen from each end. */
	public static Touch[] link(String fromNode, String fromId, String toNode, String toId, String type, String action,
			Map<String, Object> before, Map<String, Object> after) {
		return new Touch[] { new Touch(fromNode, action, before, after, type, toId, true),
				new Touch(toNode, action, before, after, type, fromId, false) };
	}

}
