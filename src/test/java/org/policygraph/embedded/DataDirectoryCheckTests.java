package org.policygraph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's directory is checked before Neo4j starts. The unusable directories
 * here do not rely on file permissions, which do not stop the root user that tests may
 * run as.
 */
class DataDirectoryCheckTests {

	private static final DataSize NO_MINIMUM = DataSize.ofBytes(0);

	@TempDir
	Path temp;

	@Test
	void aMissingDirectoryIsCreatedAndLeftEmpty() throws IOException {
		Path dataDir = this.temp.resolve("var").resolve("neo4j");
		DataDirectoryCheck.verify(dataDir, NO_MINIMUM);
		assertThat(dataDir).isDirectory().isEmptyDirectory();
	}

	@Test
	void aRegularFileIsRefusedAsTheDirectory() throws IOException {
		Path file = Files.writeString(this.temp.resolve("neo4j"), "not a directory");
		assertThatThrownBy(() -> DataDirectoryCheck.verify(file, NO_MINIMUM))
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory " + file + " (policygraph.embedded.data-dir)")
			.hasMessageContaining("it is a file, not a directory");
		assertThat(file).hasContent("not a directory");
	}

	@Test
	void aDirectoryUnderAFileIsRefusedNamingTheFile() throws IOException {
		Path file = Files.writeString(this.temp.resolve("var"), "");
		Path dataDir = file.resolve("neo4j");
		assertThatThrownBy(() -> DataDirectoryCheck.verify(dataDir, NO_MINIMUM))
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory " + dataDir)
			.hasMessageContaining(file + " is a file");
	}

	@Test
	void lessFreeSpaceThanTheMinimumIsRefusedWithBothFigures() throws IOException {
		long usable = Files.getFileStore(this.temp).getUsableSpace();
		DataSize minimum = DataSize.ofMegabytes(usable / (1024 * 1024) + DataSize.ofGigabytes(1024).toMegabytes());
		assertThatThrownBy(() -> DataDirectoryCheck.verify(this.temp, minimum))
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory " + this.temp)
			.hasMessageContaining("less than policygraph.embedded.min-free-space ("
					+ String.format(java.util.Locale.ROOT, "%,d MB", minimum.toMegabytes()) + ")");
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void aDeviceThatTakesNoWritesIsRefused() {
		// /proc/sys directories exist but no file can be created in them, even by root.
		Path readOnly = Path.of("/proc/sys/kernel");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(readOnly), "needs Linux /proc");
		assertThatThrownBy(() -> DataDirectoryCheck.verify(readOnly, NO_MINIMUM))
			.isInstanceOf(DataDirectoryUnusableException.class)
			.hasMessageContaining("data directory /proc/sys/kernel")
			.hasMessageContaining("nothing can be written there");
	}

}
