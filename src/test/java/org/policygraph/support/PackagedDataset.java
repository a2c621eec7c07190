package org.policygraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read-only integration test of the packaged dataset (data/): the graph holds that
 * dataset, imported once per test JVM and shared by every class marked so, as long as
 * nothing has changed it ({@link PackagedDatasetExtension}). A class that changes the
 * graph must not carry this annotation (it fails after its tests if it does); it starts
 * from an empty graph ({@link ResetGraphExtension}) and imports what it needs itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PackagedDatasetExtension.class)
public @interface PackagedDataset {

}
