package org.policygraph.support;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Splits the integration tests into the fast tier and the long tier ({@link LongTest}),
 * when the system property {@code policygraph.tier} says which one this JVM runs
 * (Failsafe's executions set it); without it, as in an IDE or Surefire, every test runs.
 * A third selection, {@code reads}, is the read suite: every class of the shared
 * {@link PolicyGraphIntegrationTest} context, which the long tier runs once more with the
 * reads through the driver ({@code policygraph.database.reads=driver}) rather than
 * in-process. Registered through {@code META-INF/services}.
 */
public final class TierFilter implements PostDiscoveryFilter {

	static final String PROPERTY = "policygraph.tier";

	private static final TestTag LONG = TestTag.create(LongTest.TAG);

	@Override
	public FilterResult apply(TestDescriptor descriptor) {
		String tier = System.getProperty(PROPERTY, "");
		if (tier.isEmpty()) {
			return FilterResult.included("no tier chosen");
		}
		boolean isLong = isLong(descriptor);
		boolean wanted = switch (tier) {
			case "fast" -> !isLong;
			case "long" -> isLong;
			case "reads" -> !isLong && isReadSuite(descriptor);
			default ->
				throw new IllegalArgumentException(PROPERTY + " is 'fast', 'long' or 'reads', not '" + tier + "'");
		};
		return FilterResult.includedIf(wanted, () -> "in the " + tier + " tier", () -> "not in the " + tier + " tier");
	}

	private static boolean isReadSuite(TestDescriptor descriptor) {
		for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
			if (d.getSource().orElse(null) instanceof ClassSource source
					&& source.getJavaClass().isAnnotationPresent(PolicyGraphIntegrationTest.class)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLong(TestDescriptor descriptor) {
		for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
			if (d.getTags().contains(LONG)) {
				return true;
			}
		}
		return false;
	}

}
