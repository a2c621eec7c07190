package org.policygraph.program;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.policygraph.organization.Organization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When documents name several organizations running one program, the newest document's is
 * the program's.
 */
class ProgramOrganizationRuleTests {

	static ProgramRepository.RunBy runBy(String id, String asOf) {
		return new ProgramRepository.RunBy(new Organization(id, id, null, "UNKNOWN"), asOf);
	}

	static String chosen(ProgramRepository.RunBy... named) {
		return List.of(named).stream().min(ProgramGraphQlController.NEWEST_FIRST).orElseThrow().organization().id();
	}

	@Test
	void theOrganizationNamedByTheNewestDocumentWins() {
		// sources.csv as_of: sousei-kpi-h28 H28, x-houshin-r7 R7.12,
		// shin-vision-r8-programs R8
		assertThat(chosen(runBy("org-old", "H28"), runBy("org-new", "R8"))).isEqualTo("org-new");
		assertThat(chosen(runBy("org-new", "R8"), runBy("org-r7", "R7.12"))).isEqualTo("org-new");
		assertThat(chosen(runBy("org-r6", "R6.11末"), runBy("org-r7", "R7.12"))).isEqualTo("org-r7");
	}

	@Test
	void aDocumentWithoutAReadableDateCountsAsOldest() {
		assertThat(chosen(runBy("org-undated", null), runBy("org-dated", "H28"))).isEqualTo("org-dated");
		assertThat(chosen(runBy("org-dated", "H28"), runBy("org-unreadable", "someday"))).isEqualTo("org-dated");
	}

	@Test
	void organizationsNamedByTheSameDocumentAreTakenInKeyOrder() {
		assertThat(chosen(runBy("org-b", "R8"), runBy("org-a", "R8"))).isEqualTo("org-a");
	}

}
