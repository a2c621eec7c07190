package org.policygraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the long tier: it starts a service of its own (the packaged jar, or
 * {@code main} with an embedded or second Neo4j), drives Chromium or Node, or runs for
 * minutes (soak, outage, kill). The fast tier shares one Spring context and one
 * in-process Neo4j; these cannot. {@code ./mvnw verify} runs the fast tier first and this
 * one after it; {@code -Dtier=fast} leaves it out, {@code -Dtier=long} runs only it
 * ({@link TierFilter}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(LongTest.TAG)
public @interface LongTest {

	String TAG = "long";

}
