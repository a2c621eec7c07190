package org.policygraph.reading;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.graph.GraphReads;

/**
 * Relay paging over a stable order of keys. A cursor is the opaque form of the last key
 * seen, so a page continues after that key even when nodes are added or removed between
 * requests.
 */
public final class Paging {

	public static final int DEFAULT_FIRST = 20;

	public static final int MAX_FIRST = 100;

	private static final String PREFIX = "key:";

	private Paging() {
	}

	/** The page size to fetch: {@code first} or the default, refused outside 1..100. */
	public static int first(Integer first) {
		return (first != null) ? firstOrAll(first) : DEFAULT_FIRST;
	}

	/**
	 * For a list that is whole unless {@code first} is given: null stays null, else
	 * refused outside 1..100.
	 */
	public static Integer firstOrAll(Integer first) {
		if (first != null && (first < 1 || first > MAX_FIRST)) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT,
					"first must be between 1 and " + MAX_FIRST + ", was " + first, "first");
		}
		return first;
	}

	/**
	 * The key a cursor stands for, or null without a cursor; a cursor that is not one of
	 * ours is refused.
	 */
	public static String afterKey(String after) {
		if (after == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
				return decoded.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new ApiException(ErrorCode.BAD_ARGUMENT, "after is not a cursor this API gave out: '" + after + "'",
				"after");
	}

	public static String cursor(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Builds a page from up to {@code first + 1} rows fetched after the cursor (the extra
	 * row only tells that another page follows).
	 */
	public static <T> Connection<T> connection(Page<T> page, int first, boolean afterGiven, Function<T, String> key) {
		boolean hasNext = page.rows().size() > first;
		List<Edge<T>> edges = page.rows()
			.stream()
			.limit(first)
			.map(row -> new Edge<>(cursor(key.apply(row)), row))
			.toList();
		PageInfo pageInfo = new PageInfo(hasNext, afterGiven, edges.isEmpty() ? null : edges.getFirst().cursor(),
				edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(edges, pageInfo, page.totalCount());
	}

	/**
	 * Runs the statement that reads one page: it returns one row, with the page's nodes
	 * (maps) as {@code page} and how many match in all as {@code totalCount}.
	 */
	public static <T> Page<T> page(GraphReads reads, String statement, Map<String, Object> parameters,
			Function<Map<String, Object>, T> read) {
		Record row = reads.rows(statement, parameters).getFirst();
		return new Page<>(row.get("page").asList(node -> read.apply(node.asMap())), row.get("totalCount").asLong());
	}

	/**
	 * The rows a page statement read (up to {@code first + 1}) and how many match in all.
	 */
	public record Page<T>(List<T> rows, long totalCount) {
	}

	/** A page of a connection. */
	public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
	}

	/** A node with its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

	/** Relay page info. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
