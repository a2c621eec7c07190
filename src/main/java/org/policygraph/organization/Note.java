package org.policygraph.organization;

import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/** A statement a document makes about a node that fits no field of its own. */
public record Note(String topic, String text, SourceRef source) {

	public static Note of(Map<String, Object> p) {
		return new Note(Props.string(p, "topic"), Props.string(p, "text"), SourceRef.of(p));
	}

}
