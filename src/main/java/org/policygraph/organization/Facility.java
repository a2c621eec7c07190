package org.policygraph.organization;

import java.util.Map;

import org.policygraph.source.Props;

/** A public facility a bureau manages. */
public record Facility(String id, String name, String nameEn, String operation) {

	public static Facility of(Map<String, Object> p) {
		return new Facility(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				Props.string(p, "operation"));
	}

}
