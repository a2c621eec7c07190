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

	/**
	 * A temporal property as an ISO-8601 instant in UTC
	 * ({@code 2026-11-21T01:02:03.456Z}); null when absent.
	 */
	public static String instant(Map<String, Object> props, String name) {
		return switch (props.get(name)) {
			case java.time.ZonedDateTime t -> t.toInstant().toString();
			case java.time.OffsetDateTime t -> t.toInstant().toString();
			case null -> null;
			case Object other -> other.toString();
		};
	}

	public static boolean flag(Map<String, Object> props, String name) {
		return Boolean.TRUE.equals(props.get(name));
	}

}
