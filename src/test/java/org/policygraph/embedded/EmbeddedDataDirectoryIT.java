package org.policygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory the embedded Neo4j cannot use stops the service at start-up with the
 * directory and the problem named, before Neo4j touches the store: an existing store is
 * left exactly as it was and opens again afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
@LongTest
class EmbeddedDataDirectoryIT {

	@TempDir
	Path temp;

	private static RunningService start(Path dataDir, String... more) {
		String[] properties = Stream
			.concat(Stream.of("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + dataDir,
					"policygraph.embedded.bolt-port=0"), Stream.of(more))
			.toArray(String[]::new);
		return RunningService.start(properties);
	}

	@Test
	void tooLittleFreeSpaceStopsTheStartAndLeavesTheStoreAsItWas(CapturedOutput output) {
		Path dataDir = this.temp.resolve("neo4j");
		long nodes;
		try (RunningService service = start(dataDir)) {
			nodes = count(service);
		}
		Map<String, Long> storeBefore = files(dataDir);

		assertThatThrownBy(() -> start(dataDir, "policygraph.embedded.min-free-space=1000000TB")).rootCause()
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory " + dataDir + " (policygraph.embedded.data-dir) cannot be used")
			.hasMessageContaining("less than policygraph.embedded.min-free-space");
		assertThat(output).contains("APPLICATION FAILED TO START").contains("the store was not touched");
		assertThat(files(dataDir)).isEqualTo(storeBefore);

		try (RunningService service = start(dataDir)) {
			assertThat(count(service)).isEqualTo(nodes);
		}
	}

	@Test
	void aDataDirectoryThatIsAFileStopsTheStartNamingIt() throws IOException {
		Path file = Files.writeString(this.temp.resolve("neo4j"), "a file");
		assertThatThrownBy(() -> start(file)).rootCause()
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory " + file)
			.hasMessageContaining("it is a file, not a directory");
		assertThat(file).hasContent("a file");
	}

	@Test
	void aDataDirectoryUnderAFileStopsTheStartNamingTheFile() throws IOException {
		Path file = Files.writeString(this.temp.resolve("var"), "");
		assertThatThrownBy(() -> start(file.resolve("neo4j"))).rootCause()
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining(file + " is a file");
	}

	private static long count(RunningService service) {
		var server = service.context().getBean(EmbeddedNeo4jServer.class);
		try (var driver = GraphDatabase.driver(server.boltUri(), server.authToken()); var session = driver.session()) {
			return session.run("MATCH (n) RETURN count(n)").single().get(0).asLong();
		}
	}

	/** Every file of the store with its size and modification time. */
	private static Map<String, Long> files(Path dir) {
		Map<String, Long> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.filter(Files::isRegularFile).forEach(f -> {
				try {
					files.put(dir.relativize(f) + " size", Files.size(f));
					files.put(dir.relativize(f) + " modified", Files.getLastModifiedTime(f).toMillis());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
