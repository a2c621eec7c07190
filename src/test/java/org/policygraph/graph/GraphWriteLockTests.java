package org.policygraph.graph;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphWriteLockTests {

	private final ExecutorService threads = Executors.newFixedThreadPool(3);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void mutationsWriteSideBySide() throws Exception {
		GraphWriteLock lock = new GraphWriteLock(Duration.ofSeconds(5));
		CountDownLatch bothIn = new CountDownLatch(2);
		Runnable mutation = () -> lock.shared(() -> {
			bothIn.countDown();
			try {
				return bothIn.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		CompletableFuture<Void> first = CompletableFuture.runAsync(mutation, this.threads);
		CompletableFuture<Void> second = CompletableFuture.runAsync(mutation, this.threads);
		CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
		assertThat(bothIn.getCount()).isZero();
	}

	@Test
	void anImportWaitsForARunningMutationAndThenWritesAlone() throws Exception {
		GraphWriteLock lock = new GraphWriteLock(Duration.ofSeconds(5));
		CountDownLatch mutationIn = new CountDownLatch(1);
		CountDownLatch mutationMayEnd = new CountDownLatch(1);
		AtomicBoolean mutationEnded = new AtomicBoolean();
		CompletableFuture<Void> mutation = CompletableFuture.runAsync(() -> lock.shared(() -> {
			mutationIn.countDown();
			await(mutationMayEnd);
			mutationEnded.set(true);
			return null;
		}), this.threads);
		await(mutationIn);
		CompletableFuture<Boolean> importRun = CompletableFuture.supplyAsync(() -> lock.exclusive(mutationEnded::get),
				this.threads);
		Thread.sleep(200);
		assertThat(importRun).isNotDone();
		mutationMayEnd.countDown();
		assertThat(importRun.get(5, TimeUnit.SECONDS)).as("the import ran after the mutation had ended").isTrue();
		mutation.get(5, TimeUnit.SECONDS);
	}

	@Test
	void aMutationWaitingLongerThanTheWaitIsRefusedWithImportBusy() throws Exception {
		GraphWriteLock lock = new GraphWriteLock(Duration.ofMillis(100));
		CountDownLatch importIn = new CountDownLatch(1);
		CountDownLatch importMayEnd = new CountDownLatch(1);
		CompletableFuture<Object> importRun = CompletableFuture.supplyAsync(() -> lock.exclusive(() -> {
			importIn.countDown();
			await(importMayEnd);
			return null;
		}), this.threads);
		await(importIn);
		AtomicBoolean wrote = new AtomicBoolean();
		assertThatThrownBy(() -> lock.shared(() -> wrote.getAndSet(true))).isInstanceOfSatisfying(ApiException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.IMPORT_BUSY);
					assertThat(ex.getMessage()).contains("an import is writing");
				});
		assertThat(wrote).isFalse();
		importMayEnd.countDown();
		importRun.get(5, TimeUnit.SECONDS);
		assertThat(lock.shared(() -> "written")).as("the lock is free again").isEqualTo("written");
	}

	@Test
	void anImportWaitingLongerThanTheWaitIsRefusedAndReleasesNothingItDidNotHold() throws Exception {
		GraphWriteLock lock = new GraphWriteLock(Duration.ofMillis(100));
		CountDownLatch mutationIn = new CountDownLatch(1);
		CountDownLatch mutationMayEnd = new CountDownLatch(1);
		CompletableFuture<Object> mutation = CompletableFuture.supplyAsync(() -> lock.shared(() -> {
			mutationIn.countDown();
			await(mutationMayEnd);
			return null;
		}), this.threads);
		await(mutationIn);
		assertThatThrownBy(() -> lock.exclusive(() -> null)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.IMPORT_BUSY));
		mutationMayEnd.countDown();
		mutation.get(5, TimeUnit.SECONDS);
		assertThat(lock.exclusive(() -> "imported")).isEqualTo("imported");
	}

	@Test
	void aFailedWriteLetsTheNextOneIn() {
		GraphWriteLock lock = new GraphWriteLock(Duration.ofMillis(100));
		assertThatThrownBy(() -> lock.exclusive(() -> {
			throw new IllegalStateException("refused");
		})).hasMessage("refused");
		assertThat(lock.shared(() -> "written")).isEqualTo("written");
	}

	@Test
	void theDefaultWaitIsThirtySeconds() {
		assertThat(GraphWriteLock.WAIT).isEqualTo(Duration.ofSeconds(30));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
