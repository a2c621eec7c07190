package org.policygraph.program;

import java.util.Map;

import org.policygraph.source.Props;

/** A program (事務事業). */
public record Program(String id, String name, String nameEn, String summary) {

	public static Program of(Map<String, Object> p) {
		return new Program(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				Props.string(p, "summary"));
	}

}
