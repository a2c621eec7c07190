package org.policygraph.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes so that the set-up they can share is done once: every
 * {@link PackagedDataset} class first, one after the other, so that the packaged dataset
 * imported for the first serves them all (a class between two of them that empties the
 * graph makes the second import it again, which in name order happened a dozen times);
 * then the others. Within each group, in name order. Set as the default in
 * {@code junit-platform.properties}.
 */
public final class SharedSetupOrder implements ClassOrderer {

	private static final Comparator<ClassDescriptor> ORDER = Comparator
		.comparing((ClassDescriptor test) -> !test.isAnnotated(PackagedDataset.class))
		.thenComparing(test -> test.getTestClass().getName());

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors().sort(ORDER);
	}

}
