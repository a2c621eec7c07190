package org.policygraph.issue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.reading.Paging;

/**
 * Where a page of policy issues continues: the position of the last issue seen in the
 * order newest fiscal year first, then area, number and key. Its text is a composite that
 * sorts in that same order ({@code 7974|B|0004|issue-r7-b4}: 9999 − fiscal year, area,
 * zero-padded number, key), made opaque by {@link Paging#cursor}.
 */
record IssueCursor(int fiscalYear, String area, int number, String key) {

	private static final Pattern FORM = Pattern.compile("(\\d{4})\\|([A-Z])\\|(\\d{4})\\|(.+)");

	static IssueCursor of(PolicyIssue issue) {
		return new IssueCursor(issue.fiscalYear(), issue.area(), issue.number(), issue.id());
	}

	/**
	 * The position a cursor stands for, null without one; a cursor that is not an issue
	 * cursor is refused.
	 */
	static IssueCursor parse(String after) {
		String text = Paging.afterKey(after);
		if (text == null) {
			return null;
		}
		Matcher matcher = FORM.matcher(text);
		if (!matcher.matches()) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT, "after is not a cursor of policyIssues: '" + after + "'",
					"after");
		}
		return new IssueCursor(9999 - Integer.parseInt(matcher.group(1)), matcher.group(2),
				Integer.parseInt(matcher.group(3)), matcher.group(4));
	}

	/** The sortable composite the cursor encodes. */
	String sortKey() {
		return "%04d|%s|%04d|%s".formatted(9999 - this.fiscalYear, this.area, this.number, this.key);
	}

	String cursor() {
		return Paging.cursor(sortKey());
	}

}
