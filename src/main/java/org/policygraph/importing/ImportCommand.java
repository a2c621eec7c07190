package org.policygraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.policygraph.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs one import and exits, for operators loading a folder or workbook into any Neo4j:
 * {@code --policygraph.import.path=data} (or a {@code .xlsx} file), optionally
 * {@code --policygraph.import.dry-run=true} and {@code --policygraph.import.mode=merge}
 * (the default is {@code replace}: the folder or workbook is the whole dataset). The exit
 * code is 0 on success and 1 when the import was refused.
 */
@Component
@ConditionalOnProperty("policygraph.import.path")
record ImportCommand(DatasetImporter importer, ConfigurableApplicationContext context) implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	@Override
	public void run(ApplicationArguments args) throws IOException {
		var env = this.context.getEnvironment();
		Path path = Path.of(env.getRequiredProperty("policygraph.import.path"));
		boolean dryRun = env.getProperty("policygraph.import.dry-run", Boolean.class, false);
		int exitCode = 0;
		try {
			ImportMode mode = ImportMode.of(env.getProperty("policygraph.import.mode", "replace"),
					"policygraph.import.mode");
			ImportReport report;
			if (path.toString().toLowerCase().endsWith(".xlsx")) {
				try (InputStream in = Files.newInputStream(path)) {
					report = this.importer.importWorkbook(path.getFileName().toString(), in, dryRun, mode);
				}
			}
			else {
				report = this.importer.importDirectory(path, dryRun, mode);
			}
			report.counts()
				.forEach(c -> log.info("{} {}: {} rows, {} created, {} updated, {} unchanged", c.kind(), c.name(),
						c.rows(), c.created(), c.updated(), c.unchanged()));
			report.tables()
				.forEach(t -> log.info(
						"{}: {} rows, {} added, {} changed, {} unchanged, {} kept that the import leaves out",
						t.table(), t.rows(), t.added(), t.changed(), t.unchanged(), t.notInUpload()));
		}
		catch (ImportFailedException | ApiException ex) {
			log.error(ex.getMessage());
			exitCode = 1;
		}
		int code = exitCode;
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

}
