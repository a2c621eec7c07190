package org.policygraph.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service rides out a database that is away for a moment (the driver's own time
 * limits are Spring Boot's {@code spring.neo4j.*} properties; README.md, "Configuration",
 * lists both).
 *
 * @param readRetryTime how long in all a GraphQL query that failed only because the
 * database was unavailable waits to be run again (after 100 ms, then twice as long each
 * time, while the waits fit in it) before its error is answered; zero never retries.
 * Within the request time limit: a client waits at most this long more for a failure
 */
@ConfigurationProperties("policygraph.database")
public record DatabaseProperties(@DefaultValue("1s") Duration readRetryTime) {
}
