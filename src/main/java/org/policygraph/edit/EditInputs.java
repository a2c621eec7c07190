package org.policygraph.edit;

/**
 * The inputs of the mutations, as the schema declares them
 * ({@code graphql/edit.graphqls}).
 */
final class EditInputs {

	private EditInputs() {
	}

	record SourceInput(String sourceId, String section) {
	}

	record PlanInput(String id, String name, String nameEn, String kind, String period, SourceInput source) {
	}

	record PillarInput(String id, String planId, Integer ordinal, String label, String name, String nameEn, String goal,
			SourceInput source) {
	}

	record MeasureInput(String id, String planId, String pillarId, String parentMeasureId, String label, String name,
			String nameEn, SourceInput source) {
	}

	record ProgramInput(String id, String name, String nameEn, String summary, SourceInput source) {
	}

	record KpiInput(String id, String name, String nameEn, String unit, String direction, String method,
			SourceInput source) {
	}

	record OrganizationInput(String id, String name, String nameEn, String kind, String parentId, SourceInput source) {
	}

	record PartnerBodyInput(String id, String name, String nameEn, String supervisingOrganizationId,
			SourceInput source) {
	}

	record LinkInput(String type, String fromId, String toId, Integer ordinal, Integer number, Boolean reposted,
			String role, String basis, String evidence, SourceInput source) {
	}

	record UnlinkInput(String type, String fromId, String toId, String on, String reason, SourceInput source) {
	}

	record BudgetInput(String programId, Integer fiscalYear, String amount, SourceInput source) {
	}

	record ObservationInput(String kpiId, String kind, String targetType, Integer fiscalYear, String figure,
			String qualitative, String text, SourceInput source) {
	}

	record RetireInput(String id, String on, String reason, SourceInput source) {
	}

	record RowsInput(String table, java.util.List<java.util.List<CellInput>> rows, Boolean dryRun) {
	}

	record CellInput(String column, String value) {
	}

}
