package org.policygraph.limits;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's HTTP/1.1 connector, closing every connection whose request line and headers
 * have not all arrived within a deadline of their first byte. Tomcat reads headers
 * without holding a thread, but its only limit on how long they take is the wait for each
 * next byte (the connection timeout), so a client sending a header byte every few seconds
 * (slowloris) keeps its connection for ever, and enough of them take every connection the
 * server allows. Checked once a second, so a connection is closed between the deadline
 * and a second after it. Public, with a public constructor: Tomcat creates its protocol
 * handler from the class name.
 */
public class HeaderDeadlineProtocol extends Http11NioProtocol {

	private static final Logger log = LoggerFactory.getLogger(HeaderDeadlineProtocol.class);

	private volatile long deadlineNanos = Duration.ofSeconds(10).toNanos();

	private ScheduledFuture<?> monitor;

	public void setHeaderDeadline(Duration deadline) {
		this.deadlineNanos = deadline.toNanos();
	}

	@Override
	public void start() throws Exception {
		super.start();
		this.monitor = getUtilityExecutor().scheduleWithFixedDelay(this::closeLateHeaders, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() throws Exception {
		if (this.monitor != null) {
			this.monitor.cancel(false);
		}
		super.stop();
	}

	void closeLateHeaders() {
		try {
			long now = System.nanoTime();
			for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
				if (isLate(connection, now)) {
					log.debug("Closing a connection whose request headers took longer than {} ms",
							TimeUnit.NANOSECONDS.toMillis(this.deadlineNanos));
					// what Tomcat does with a read that timed out: a worker closes it, in
					// turn with the connection's reads
					getEndpoint().processSocket(connection, SocketEvent.ERROR, true);
				}
			}
		}
		catch (RuntimeException ex) {
			// never let one failure end the schedule
			log.warn("Could not check for late request headers", ex);
		}
	}

	/**
	 * Whether the connection's request began (its first byte came) longer ago than the
	 * deadline and has not been handed to the application. Between reads of its headers a
	 * connection keeps its processor; one the application is served by holds the lock
	 * (skipped: left for the next round) or is asynchronous; one whose request is done
	 * has a recycled processor, or none.
	 */
	private boolean isLate(SocketWrapperBase<NioChannel> connection, long now) {
		ReentrantLock lock = connection.getLock();
		if (!lock.tryLock()) {
			return false;
		}
		try {
			if (connection.isClosed() || !(connection.getCurrentProcessor() instanceof Http11Processor processor)
					|| processor.isAsync() || processor.isUpgrade()) {
				return false;
			}
			long started = processor.getRequest().getStartTimeNanos();
			// -1: no byte of a request yet
			return started != -1 && now - started > this.deadlineNanos;
		}
		finally {
			lock.unlock();
		}
	}

}
