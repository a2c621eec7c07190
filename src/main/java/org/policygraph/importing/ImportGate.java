package org.policygraph.importing;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * Lets one upload import at a time. An import holds its files, every cell read from them
 * and a whole transaction's writes in memory, so two at once need twice that, and they
 * would write the same nodes anyway; a second one is answered at once with
 * {@code IMPORT_BUSY} (HTTP 429) and a time to retry after, rather than queued.
 */
@Component
public class ImportGate {

	/**
	 * What the refusal's {@code Retry-After} says: an upload of the whole dataset takes a
	 * few seconds.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final Semaphore permit = new Semaphore(1);

	/**
	 * Enters the gate for the caller, who must close what this returns when its import is
	 * over.
	 * @throws ImportBusy while another import is in
	 */
	public Entry enter() {
		if (!this.permit.tryAcquire()) {
			throw new ImportBusy();
		}
		return new Entry();
	}

	/**
	 * An import inside the gate; closing it lets the next one in (once, however often it
	 * is closed).
	 */
	public final class Entry implements AutoCloseable {

		private boolean closed;

		private Entry() {
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				ImportGate.this.permit.release();
			}
		}

	}

	/** Another import is running. */
	public static final class ImportBusy extends RuntimeException {

		ImportBusy() {
			super("Another import is running; imports run one at a time. Retry in " + RETRY_AFTER.toSeconds()
					+ " seconds");
		}

	}

}
