package org.policygraph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler halts the JVM on the VM's own errors and passes every other one on; the
 * halt here is recorded.
 */
class HaltOnFatalErrorTests {

	private final List<Integer> halts = new ArrayList<>();

	private final List<Throwable> passedOn = new ArrayList<>();

	private final HaltOnFatalError handler = new HaltOnFatalError((thread, error) -> this.passedOn.add(error),
			this.halts::add);

	@Test
	void anOutOfMemoryErrorHaltsWithTheStatusTheJvmFlagUses() {
		this.handler.uncaughtException(Thread.currentThread(), new OutOfMemoryError("Java heap space"));
		assertThat(this.halts).containsExactly(3);
		assertThat(this.passedOn).isEmpty();
	}

	@Test
	void anyVirtualMachineErrorHaltsAndSoDoesOneWrappedInAnotherException() {
		this.handler.uncaughtException(Thread.currentThread(), new InternalError("broken"));
		this.handler.uncaughtException(Thread.currentThread(),
				new RuntimeException(new ExecutionException(new OutOfMemoryError("Metaspace"))));
		assertThat(this.halts).containsExactly(3, 3);
	}

	@Test
	void anOrdinaryExceptionIsPassedOnAndDoesNotHalt() {
		IllegalStateException error = new IllegalStateException("a bug");
		this.handler.uncaughtException(Thread.currentThread(), error);
		assertThat(this.halts).isEmpty();
		assertThat(this.passedOn).containsExactly(error);
		assertThat(HaltOnFatalError.isFatal(new AssertionError("not the VM's"))).isFalse();
	}

}
