package org.policygraph.graph;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Keeps mutations and imports apart: mutations write side by side (each is one small
 * transaction, and Neo4j's own locks order them), an import writes alone. An upload
 * merged into the graph reads what the graph holds (the keys its rows may refer to, the
 * rows it is compared with) before it writes; a mutation committed in between would be
 * overwritten by the import's older view of it, or the import's refused by a lock it
 * cannot see. The lock is fair, so a waiting import is not starved by a stream of
 * mutations; whoever waits longer than {@link #WAIT} is refused with {@code IMPORT_BUSY},
 * and nothing of theirs is written.
 */
@Component
public class GraphWriteLock {

	/** How long a mutation or an import waits for the lock before it is refused. */
	static final Duration WAIT = Duration.ofSeconds(30);

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	private final Duration wait;

	public GraphWriteLock() {
		this(WAIT);
	}

	GraphWriteLock(Duration wait) {
		this.wait = wait;
	}

	/**
	 * Runs a mutation's write, beside other mutations, never during an import.
	 * @throws ApiException {@code IMPORT_BUSY} when an import holds the graph longer than
	 * the wait
	 */
	public <T> T shared(Supplier<T> work) {
		return holding(this.lock.readLock(), "an import is writing to the graph", work);
	}

	/**
	 * Runs an import's write alone: it waits for the running mutations to end, and no new
	 * one starts until it is over.
	 * @throws ApiException {@code IMPORT_BUSY} when mutations hold the graph longer than
	 * the wait
	 */
	public <T> T exclusive(Supplier<T> work) {
		return holding(this.lock.writeLock(), "other changes are being written to the graph", work);
	}

	private <T> T holding(Lock held, String reason, Supplier<T> work) {
		boolean acquired;
		try {
			acquired = held.tryLock(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new ApiException(ErrorCode.IMPORT_BUSY, reason + " and did not finish within " + this.wait.toSeconds()
					+ " seconds; nothing was written. " + "Try again in a moment", null);
		}
		try {
			return work.get();
		}
		finally {
			held.unlock();
		}
	}

}
