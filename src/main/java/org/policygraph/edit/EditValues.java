package org.policygraph.edit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.policygraph.errors.ErrorCode;
import org.policygraph.model.Catalogue;
import org.policygraph.model.TextCleaner;

/** Checks of single input fields, each adding a problem that names the field. */
final class EditValues {

	/**
	 * Ids as the dataset writes them: lowercase letters, digits and single hyphens
	 * (prog-smaraku).
	 */
	private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final int MAX_ID = 100;

	private EditValues() {
	}

	static void id(String id, String field, InputProblems problems) {
		if (id == null || id.isBlank()) {
			problems.add(ErrorCode.REQUIRED, field, "the id is required");
		}
		else if (id.length() > MAX_ID || !ID.matcher(id).matches()) {
			problems.add(ErrorCode.BAD_VALUE, field, "'" + abbreviate(id) + "' is not an id: use at most " + MAX_ID
					+ " lowercase letters, digits and single hyphens, e.g. prog-smaraku");
		}
	}

	/**
	 * A text field: stripped, the extraction spaces inside Japanese removed as on import,
	 * at most {@code max} characters, no control characters but line breaks and tabs.
	 * Null stays null (the field is left as it is).
	 */
	static String text(String value, String field, int max, InputProblems problems) {
		return checked((value != null) ? TextCleaner.clean(value) : null, field, max, problems);
	}

	/**
	 * A field that fills a column of a dataset file: cleaned as {@link #text} when the
	 * {@link Catalogue} cleans the column on import, else only stripped, as the import
	 * strips every cell; checked as {@link #text}.
	 */
	static String cell(String table, String column, String value, String field, int max, InputProblems problems) {
		if (value == null) {
			return null;
		}
		boolean cleaned = Catalogue.table(table).column(column).rule() == Catalogue.Rule.CLEANED_TEXT;
		return checked(cleaned ? TextCleaner.clean(value) : value.strip(), field, max, problems);
	}

	/**
	 * The fields a new node of a file must have: the properties of its required columns
	 * (its key and the columns that are references or provenance aside, which mutations
	 * take as ids and a source).
	 */
	static List<String> requiredToCreate(String table) {
		return Catalogue.table(table)
			.columns()
			.stream()
			.filter(c -> c.required() && c.property() != null && c.rule() != Catalogue.Rule.KEY
					&& c.rule() != Catalogue.Rule.SOURCE && c.rule() != Catalogue.Rule.SECTION)
			.map(Catalogue.Column::property)
			.toList();
	}

	private static String checked(String text, String field, int max, InputProblems problems) {
		if (text == null) {
			return null;
		}
		if (text.isEmpty()) {
			problems.add(ErrorCode.BAD_VALUE, field, "must not be blank (leave it out to keep the current value)");
			return null;
		}
		if (text.length() > max) {
			problems.add(ErrorCode.BAD_VALUE, field, "is " + text.length() + " characters long; at most " + max);
			return null;
		}
		if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
			problems.add(ErrorCode.BAD_VALUE, field, "contains control characters");
			return null;
		}
		return text;
	}

	static void positive(Integer value, String field, InputProblems problems) {
		if (value != null && (value < 1 || value > 10_000)) {
			problems.add(ErrorCode.BAD_VALUE, field, value + " is out of range (1 to 10000)");
		}
	}

	/** A date (YYYY-MM-DD); today when absent. */
	static LocalDate date(String value, String field, LocalDate today, InputProblems problems) {
		if (value == null) {
			return today;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.getYear() < 1989 || date.getYear() > today.getYear() + 30) {
				problems.add(ErrorCode.BAD_VALUE, field,
						value + " is out of range (1989 to " + (today.getYear() + 30) + ")");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add(ErrorCode.BAD_VALUE, field, "'" + abbreviate(value) + "' is not a date (YYYY-MM-DD)");
			return today;
		}
	}

	static void source(EditInputs.SourceInput source, InputProblems problems) {
		if (source.sourceId() == null || source.sourceId().isBlank()) {
			problems.add(ErrorCode.REQUIRED, "input.source.sourceId", "the source document's id is required");
		}
		else if (source.sourceId().length() > MAX_ID) {
			problems.add(ErrorCode.BAD_VALUE, "input.source.sourceId", "at most " + MAX_ID + " characters");
		}
		text(source.section(), "input.source.section", 500, problems);
	}

	static String abbreviate(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 40) + "…";
	}

}
