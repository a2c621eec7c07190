package org.policygraph;

import java.util.function.IntConsumer;

/**
 * Ends the JVM when a thread dies of an {@link OutOfMemoryError} or another
 * {@link VirtualMachineError}. After one, the service can be half alive: an upload that
 * exhausted the heap killed Tomcat's poller thread, and every request after it timed out
 * while the process stayed up, so no supervisor restarted it. Halting (not exiting:
 * shutdown hooks need memory and threads that may be gone) lets one restart it.
 * {@code -XX:+ExitOnOutOfMemoryError} does the same for every out-of-memory error, caught
 * or not, and is the flag to run the jar with; this handler covers a JVM started without
 * it, for errors no code caught.
 */
final class HaltOnFatalError implements Thread.UncaughtExceptionHandler {

	/** The status the JVM itself exits with on {@code -XX:+ExitOnOutOfMemoryError}. */
	static final int STATUS = 3;

	private final Thread.UncaughtExceptionHandler next;

	private final IntConsumer halt;

	HaltOnFatalError(Thread.UncaughtExceptionHandler next, IntConsumer halt) {
		this.next = next;
		this.halt = halt;
	}

	/** Installs the handler for every thread, before any is started. */
	static void install() {
		Thread.setDefaultUncaughtExceptionHandler(
				new HaltOnFatalError(Thread.getDefaultUncaughtExceptionHandler(), Runtime.getRuntime()::halt));
	}

	/**
	 * Whether the error leaves the JVM in a state no request can trust: it, or what it
	 * wraps, is the VM's own.
	 */
	static boolean isFatal(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof VirtualMachineError) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void uncaughtException(Thread thread, Throwable error) {
		if (isFatal(error)) {
			try {
				// no logger: it may need memory there is none of
				System.err.println("Halting: thread " + thread.getName() + " died of " + error);
				System.err.flush();
			}
			finally {
				this.halt.accept(STATUS);
			}
			return;
		}
		if (this.next != null) {
			this.next.uncaughtException(thread, error);
		}
		else {
			thread.getThreadGroup().uncaughtException(thread, error);
		}
	}

}
