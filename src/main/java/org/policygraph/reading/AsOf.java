package org.policygraph.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

/**
 * A parent asked for as the graph stood at an instant ({@code at}), or as it stands now
 * ({@code at} null): the key of the batch loaders behind fields with an {@code asOf}
 * argument.
 */
public record AsOf(String id, ZonedDateTime at) {

	/**
	 * The earliest instant an {@code asOf} may name (UTC): before any plan the graph
	 * holds.
	 */
	public static final ZonedDateTime EARLIEST = ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/**
	 * The latest instant an {@code asOf} may name (UTC): the last that an ISO-8601 text
	 * of four-digit years holds.
	 */
	public static final ZonedDateTime LATEST = ZonedDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC);

	/**
	 * Reads an {@code asOf} argument: an ISO-8601 instant with an offset, or a date
	 * meaning its first moment in the city's time zone, between {@link #EARLIEST} and
	 * {@link #LATEST}. Null means now.
	 * @throws ApiException {@code BAD_ARGUMENT} naming the argument and the accepted
	 * range
	 */
	public static ZonedDateTime parse(String text, ZoneId zone) {
		if (text == null) {
			return null;
		}
		ZonedDateTime at;
		try {
			at = (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC)
					: OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
		}
		// a text the parser reads may still name an instant past the range of the time
		// classes
		// (+999999999-12-31T23:59:59-18:00): that is the client's mistake too, not an
		// internal error
		catch (DateTimeException ex) {
			throw invalid(text);
		}
		if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
			throw invalid(text);
		}
		return at;
	}

	/**
	 * The Cypher subquery that binds {@code value} to each value node of {@code owner} as
	 * the graph stood at {@code $asOf}: those recorded by then (values loaded from the
	 * documents have no {@code recordedAt} and count as always there) through the current
	 * relationship, and of those superseded since, what they said then through the former
	 * one. Written out once per statement when the class that reads it loads; the names
	 * are the caller's constants.
	 * @param owner the owner's variable, bound before the subquery
	 * @param current the relationship type to current values, e.g. {@code HAS_BUDGET}
	 * @param value the variable the subquery returns
	 * @param label the label of current values, e.g. {@code Budget}
	 * @param former the relationship type to superseded values, e.g. {@code HAD_BUDGET}
	 * @param formerLabel the label of superseded values, e.g. {@code SupersededBudget}
	 */
	public static String valuesAt(String owner, String current, String value, String label, String former,
			String formerLabel) {
		return """
				CALL (%1$s) {
				  MATCH (%1$s)-[:%2$s]->(%3$s:%4$s)
				  WHERE %3$s.recordedAt IS NULL OR %3$s.recordedAt <= $asOf
				  RETURN %3$s
				  UNION
				  MATCH (%1$s)-[:%5$s]->(%3$s:%6$s)
				  WHERE (%3$s.recordedAt IS NULL OR %3$s.recordedAt <= $asOf) AND %3$s.supersededAt > $asOf
				  RETURN %3$s
				}""".formatted(owner, current, value, label, former, formerLabel);
	}

	private static ApiException invalid(String text) {
		return new ApiException(ErrorCode.BAD_ARGUMENT,
				"asOf must be an instant such as 2026-04-01T09:00:00+09:00 "
						+ "or a date such as 2026-04-01, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z, not '"
						+ (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'",
				"asOf");
	}

	/**
	 * Loads a batch of keys with one statement per distinct instant asked for (usually
	 * one).
	 * @param load given the parents' ids and the instant (null for now), each parent id's
	 * children
	 */
	public static <V> Map<AsOf, List<V>> load(Set<AsOf> keys,
			BiFunction<Collection<String>, ZonedDateTime, Map<String, List<V>>> load) {
		Map<AsOf, List<V>> result = new LinkedHashMap<>();
		Map<ZonedDateTime, List<AsOf>> byInstant = keys.stream()
			.collect(Collectors.groupingBy(key -> Objects.requireNonNullElse(key.at(), NOW), LinkedHashMap::new,
					Collectors.toList()));
		byInstant.forEach((at, group) -> {
			Map<String, List<V>> children = load.apply(group.stream().map(AsOf::id).distinct().toList(),
					(at == NOW) ? null : at);
			group.forEach(key -> result.put(key, children.getOrDefault(key.id(), List.of())));
		});
		return result;
	}

	/** Stands for "now" in the grouping (the map does not take null keys). */
	private static final ZonedDateTime NOW = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

}
