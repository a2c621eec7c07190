package org.policygraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first start of the packaged jar, run as the README says: an empty data
 * directory, the default profile. The log should hold nothing that looks like a fault,
 * and a stop with SIGTERM should be reported as a success.
 */
@LongTest
class CleanStartIT {

	/**
	 * What the JDK and the libraries printed at start before the JVM options, the
	 * manifest and the pom said otherwise.
	 */
	private static final List<String> NOTICES = List.of("sun.misc.Unsafe", "Restricted methods will be blocked",
			"Failed to set up a Bean Validation provider", "vector incubator module is not readable");

	/** A Logback line at WARN or ERROR, or a JVM warning on standard error. */
	private static final Pattern ALARM = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*|^WARNING: .*");

	/**
	 * The one warning a clean default start gives: no token issuer is configured, so
	 * every change is refused. It is the operator's to act on (set an issuer, or run the
	 * dev profile), so it stays a warning.
	 */
	private static final String NO_ISSUER = "No token issuer is configured";

	@TempDir
	Path scratch;

	@Test
	void aFirstStartLogsNoWarningButTheMissingIssuerAndASigtermStopExitsZero() throws IOException {
		Path log = Path.of("target", "clean-start", "service.log");
		Files.deleteIfExists(log);
		int status;
		try (ServiceProcess service = ServiceProcess.start(log, Duration.ofMinutes(5),
				"--policygraph.embedded.data-dir=" + this.scratch.resolve("neo4j"),
				"--policygraph.embedded.bolt-port=0")) {
			assertThat(service.get("/actuator/health")).contains("\"status\":\"UP\"");
			status = service.stop();
		}
		List<String> lines = Files.readAllLines(log);
		assertThat(lines).as("the log of a first start, in %s", log)
			.anyMatch(l -> l.contains("Started PolicyGraphApplication"));
		for (String notice : NOTICES) {
			assertThat(lines).as("start-up notice '%s' in %s", notice, log).noneMatch(l -> l.contains(notice));
		}
		assertThat(lines.stream().filter(l -> ALARM.matcher(l).matches()).filter(l -> !l.contains(NO_ISSUER)))
			.as("warnings and errors in %s", log)
			.isEmpty();
		assertThat(lines).as("the missing issuer is still told").anyMatch(l -> l.contains(NO_ISSUER));
		assertThat(status).as("exit status after SIGTERM").isZero();
	}

}
