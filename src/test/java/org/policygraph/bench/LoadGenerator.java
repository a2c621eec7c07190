package org.policygraph.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code concurrency} threads each send a request, wait for its answer
 * and send the next, first for a warm-up whose latencies are dropped, then for the
 * measured time, recording every latency in an HdrHistogram (microseconds, 3 significant
 * digits); the measured time stretches until every thread has answered twice, for answers
 * slower than it. Any failed request stops the run with its error.
 */
final class LoadGenerator {

	private static final Duration MAX_EXTRA = Duration.ofSeconds(60);

	private LoadGenerator() {
	}

	/** Throughput in requests per second, latencies in milliseconds. */
	record Result(long requests, double seconds, double throughput, double p50, double p95, double p99, double max) {
	}

	static Result run(Runnable request, int concurrency, Duration warmup, Duration measured) {
		Recorder recorder = new Recorder(3);
		AtomicBoolean recording = new AtomicBoolean(false);
		AtomicBoolean stop = new AtomicBoolean(false);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicLong recorded = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			workers.add(Thread.ofPlatform().name("load-" + i).start(() -> {
				while (!stop.get() && failure.get() == null) {
					long started = System.nanoTime();
					try {
						request.run();
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
						return;
					}
					if (recording.get()) {
						recorder.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
						recorded.incrementAndGet();
					}
				}
			}));
		}
		sleep(warmup);
		recorder.reset();
		recording.set(true);
		long started = System.nanoTime();
		sleep(measured);
		// slow answers: wait until each thread has finished two requests, so percentiles
		// rest on some samples
		long deadline = System.nanoTime() + MAX_EXTRA.toNanos();
		while (recorded.get() < 2L * concurrency && failure.get() == null && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(50));
		}
		Histogram histogram = recorder.getIntervalHistogram();
		double seconds = (System.nanoTime() - started) / 1e9;
		stop.set(true);
		workers.forEach(LoadGenerator::join);
		if (failure.get() != null) {
			throw new IllegalStateException("a request failed: " + failure.get().getMessage(), failure.get());
		}
		long requests = histogram.getTotalCount();
		return new Result(requests, seconds, requests / seconds, millis(histogram.getValueAtPercentile(50)),
				millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
				millis(histogram.getMaxValue()));
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
