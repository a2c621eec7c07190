package org.policygraph.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How many field selections an operation has once every fragment spread is replaced by
 * its fragment, counted from the document alone, each fragment once. graphql-java's
 * normalizer merges equal fields only after collecting every copy, so a fragment that
 * spreads the next one ten times, ten levels down, would be expanded into 10^10 copies
 * (and run the server out of memory) before its own field limit could stop it.
 */
final class ExpandedFields {

	private final Map<String, FragmentDefinition> fragments;

	private final long cap;

	private final Map<String, Long> perFragment = new HashMap<>();

	private ExpandedFields(Map<String, FragmentDefinition> fragments, long cap) {
		this.fragments = fragments;
		this.cap = cap;
	}

	/**
	 * The count, or {@code limit + 1} as soon as it passes the limit; a spread of a
	 * fragment that is unknown, or that spreads itself (validation refuses both first),
	 * counts as past the limit.
	 */
	static long count(SelectionSet selections, Map<String, FragmentDefinition> fragments, long limit) {
		return new ExpandedFields(fragments, limit + 1).of(selections);
	}

	private long of(SelectionSet selections) {
		long count = 0;
		if (selections == null) {
			return count;
		}
		for (Selection<?> selection : selections.getSelections()) {
			long more = switch (selection) {
				case Field field -> 1 + of(field.getSelectionSet());
				case InlineFragment inline -> of(inline.getSelectionSet());
				case FragmentSpread spread -> ofFragment(spread.getName());
				default -> 0;
			};
			count = Math.min(this.cap, count + Math.min(this.cap, more));
		}
		return count;
	}

	private long ofFragment(String name) {
		Long known = this.perFragment.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition fragment = this.fragments.get(name);
		if (fragment == null) {
			return this.cap;
		}
		// a cycle met again before its count is known is past the limit
		this.perFragment.put(name, this.cap);
		long count = of(fragment.getSelectionSet());
		this.perFragment.put(name, count);
		return count;
	}

}
