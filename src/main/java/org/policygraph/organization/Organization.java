package org.policygraph.organization;

import java.util.Map;

import org.policygraph.source.Props;

/** A bureau (局), division (部) or section or office (課・室). */
public record Organization(String id, String name, String nameEn, String kind) {

	public static Organization of(Map<String, Object> p) {
		String kind = Props.string(p, "kind");
		return new Organization(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				(kind != null) ? kind : "UNKNOWN");
	}

}
