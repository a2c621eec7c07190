package org.policygraph.organization;

import java.util.Map;

import org.policygraph.source.Props;

/** A partner body (政策連携団体). */
public record PartnerBody(String id, String name, String nameEn) {

	public static PartnerBody of(Map<String, Object> p) {
		return new PartnerBody(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"));
	}

}
