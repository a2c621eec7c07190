package org.policygraph.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dev signing key can change the graph, so the service and src/dev/MintToken.java
 * both keep it owner-only: folder 0700, files 0600, from their creation; a folder or file
 * found more open is tightened.
 */
class DevSigningKeyTests {

	@TempDir
	Path temp;

	@BeforeEach
	void posixOnly() {
		assumeTrue(Files.getFileAttributeView(this.temp, java.nio.file.attribute.PosixFileAttributeView.class) != null,
				"the file system has no POSIX permissions");
	}

	@Test
	void theServiceMakesTheKeyFolderAndFilesOwnerOnly() throws Exception {
		Path keys = this.temp.resolve("var/dev-keys");
		DevSigningKey.publicKey(keys);
		assertOwnerOnly(keys);
	}

	@Test
	void theServiceTightensAKeyFolderAndFilesOthersCouldRead() throws Exception {
		Path keys = this.temp.resolve("dev-keys");
		DevSigningKey.publicKey(keys);
		Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(keys.resolve(DevSigningKey.PRIVATE_KEY_FILE),
				PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(keys.resolve(DevSigningKey.PUBLIC_KEY_FILE),
				PosixFilePermissions.fromString("rw-rw-rw-"));
		DevSigningKey.publicKey(keys);
		assertOwnerOnly(keys);
	}

	@Test
	void theMintCommandMakesTheKeyFolderAndFilesOwnerOnly() throws Exception {
		Path keys = this.temp.resolve("minted/dev-keys");
		mint(keys);
		assertOwnerOnly(keys);
	}

	@Test
	void theMintCommandTightensAKeyFolderOthersCouldRead() throws Exception {
		Path keys = this.temp.resolve("open");
		mint(keys);
		Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx"));
		Files.setPosixFilePermissions(keys.resolve(DevSigningKey.PRIVATE_KEY_FILE),
				PosixFilePermissions.fromString("rw-r--r--"));
		String out = mint(keys);
		assertThat(out).contains("warning");
		assertOwnerOnly(keys);
	}

	static void assertOwnerOnly(Path keys) throws Exception {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(keys.resolve(DevSigningKey.PRIVATE_KEY_FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(keys.resolve(DevSigningKey.PUBLIC_KEY_FILE))))
			.isEqualTo("rw-------");
	}

	static String mint(Path keys) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "src/dev/MintToken.java", "officer-keys", "--keys", keys.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

}
