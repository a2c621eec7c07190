package org.policygraph.kpi;

import java.util.Map;

import org.policygraph.source.Props;

/** An indicator (成果指標 / KPI). */
public record Kpi(String id, String name, String nameEn, String unit, String direction, String method, String status,
		String statusRule, StatusReason statusReason) {

	public static Kpi of(Map<String, Object> p) {
		return new Kpi(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				Props.string(p, "unit"), Props.string(p, "direction"), Props.string(p, "method"),
				Props.string(p, "status"), Props.string(p, "statusRule"), StatusReason.of(p));
	}

}
