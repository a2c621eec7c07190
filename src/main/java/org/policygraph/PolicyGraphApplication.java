package org.policygraph;

import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PolicyGraphApplication {

	public static void main(String[] args) {
		HaltOnFatalError.install();
		exitZeroOnTerm();
		SpringApplication.run(PolicyGraphApplication.class, args);
	}

	/**
	 * SIGTERM is how an operator, a supervisor or ServiceProcess asks the service to
	 * stop, and the shutdown hooks (Spring's graceful shutdown, Neo4j's clean close) run
	 * either way; but the JVM's own handler then exits with 143, which
	 * {@code ./mvnw spring-boot:run} reports as a BUILD FAILURE. Exiting normally runs
	 * the same hooks and reports the stop as the success it is. SIGINT (Ctrl-C) keeps the
	 * JVM's handler: the plugin accepts its 130.
	 */
	private static void exitZeroOnTerm() {
		try {
			Signal.handle(new Signal("TERM"), signal -> System.exit(0));
		}
		catch (IllegalArgumentException unavailable) {
			// -Xrs, or a platform without SIGTERM: the JVM's default stays
		}
	}

}
