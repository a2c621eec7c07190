package org.policygraph.alias;

import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/**
 * Another name a document gives a node (別表記), spelt as there, and where it is written.
 */
public record Alias(String name, SourceRef source) {

	public static Alias of(Map<String, Object> p) {
		return new Alias(Props.string(p, "name"), SourceRef.of(p));
	}

}
