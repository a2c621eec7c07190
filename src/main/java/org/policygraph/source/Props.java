package org.policygraph.source;

import java.util.Map;

/** Typed reads of node and relationship properties, as the driver returns them. */
public final class Props {

	private Props() {
	}

	public static String string(Map<String, Object> props, String name) {
		Object value = props.get(name);
		return (value != null) ? value.toString() : null;
	}

	public static Integer integer(Map<String, Object> props, String name) {
		Object value = props.get(name);
		return (value instanceof Number number) ? number.intValue() : null;
	}

	public static Long whole(Map<String, Object> props, String name) {
		Object value = props.get(name);
		return (value instanceof Number number) ? number.longValue() : null;
	}

	public static Double decimal(Map<String, Object> props, String name) {
		Object value = props.get(name);
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	public static boolean flag(Map<String, Object> props, String name) {
		return Boolean.TRUE.equals(props.get(name));
	}

}
