package org.policygraph.http;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.neo4j.driver.Record;
import org.policygraph.graph.GraphReads;

/**
 * What the public answers depend on, as one text that changes whenever any of them may:
 * the newest change record (every mutation and import writes one,
 * {@code history/ChangeLog}), how many there are, and today's date in the city (the
 * current fiscal year and the status of indicators move with it). Read from the database,
 * so that changes made by another instance of the service count too, and kept for a
 * second: an ETag check costs one indexed read a second, not one a request. A change made
 * through this instance is seen at once ({@link #changed()}).
 * <p>
 * When the database runs in this JVM, its last committed transaction id stands for the
 * change records instead: every write moves it, whoever made it (an analyst's statement
 * over Bolt, the nightly retirements, a mutation), it costs no statement, and it is never
 * a second old.
 */
final class GraphVersion {

	private static final String NEWEST = """
			MATCH (c:Change) WITH count(c) AS changes
			OPTIONAL MATCH (newest:Change) WHERE newest.at IS NOT NULL
			WITH changes, newest ORDER BY newest.at DESC, newest.id DESC LIMIT 1
			RETURN changes, newest.id AS id, toString(newest.at) AS at""";

	private static final long KEEP_NANOS = 1_000_000_000L;

	private final GraphReads reads;

	private final Clock clock;

	/** The in-process database's last committed transaction id, or null. */
	private final LongSupplier committed;

	/** Counts this instance's changes; a read started before one is not kept. */
	private final AtomicLong generation = new AtomicLong();

	private volatile Read last;

	private record Read(String version, long generation, long readAt) {
	}

	GraphVersion(GraphReads reads, Clock clock, LongSupplier committed) {
		this.reads = reads;
		this.clock = clock;
		this.committed = committed;
	}

	String current() {
		if (this.committed != null) {
			return "tx" + this.committed.getAsLong() + "/" + LocalDate.now(this.clock);
		}
		long now = System.nanoTime();
		long generation = this.generation.get();
		Read read = this.last;
		if (read != null && read.generation() == generation && now - read.readAt() < KEEP_NANOS) {
			return read.version() + "/" + LocalDate.now(this.clock);
		}
		Map<String, Object> row = this.reads.first(NEWEST, Map.of(), Record::asMap).orElse(Map.of());
		String version = row.get("changes") + "/" + row.get("id") + "/" + row.get("at");
		if (this.generation.get() == generation) {
			this.last = new Read(version, generation, now);
		}
		return version + "/" + LocalDate.now(this.clock);
	}

	/** A change was just committed through this instance. */
	void changed() {
		this.generation.incrementAndGet();
		this.last = null;
	}

}
