package org.policygraph.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The benchmark command's options. */
class BenchMainTests {

	@Test
	void cachedNeedsNoValue() {
		assertThat(BenchMain.options(new String[] { "--cached", "--rounds", "3" })).containsEntry("cached", "true")
			.containsEntry("rounds", "3");
		assertThat(BenchMain.options(new String[] { "--rounds", "3", "--cached" })).containsEntry("cached", "true");
	}

	@Test
	void anUnknownOptionIsNamedWithTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchMain.options(new String[] { "--duration", "5" }))
			.withMessageStartingWith("unknown option --duration; the options are --scale, --concurrency, --rounds");
	}

	@Test
	void anOptionWithoutItsValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchMain.options(new String[] { "--slice" }))
			.withMessage("--slice needs a value");
	}

}
