package org.wirereclassifier.rules;

/**
 * A text that a regular expression may read only so many characters of: a pathological pattern (catastrophic
 * backtracking) fails the wire it hangs on, with a clear reason, instead of hanging the pass.
 */
final class BoundedCharSequence implements CharSequence {

	private final CharSequence text;

	private final String ruleId;

	private final String pattern;

	private final long[] budget;

	BoundedCharSequence(CharSequence text, long limit, String ruleId, String pattern) {
		this(text, new long[] { limit }, ruleId, pattern);
	}

	private BoundedCharSequence(CharSequence text, long[] budget, String ruleId, String pattern) {
		this.text = text;
		this.budget = budget;
		this.ruleId = ruleId;
		this.pattern = pattern;
	}

	@Override
	public char charAt(int index) {
		if (--this.budget[0] < 0) {
			throw new RegexTooSlowException("rule " + this.ruleId + ": regular expression /" + this.pattern
					+ "/ took too long on this wire (catastrophic backtracking?)");
		}
		return this.text.charAt(index);
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new BoundedCharSequence(this.text.subSequence(start, end), this.budget, this.ruleId, this.pattern);
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	/** A regular expression gave up on a wire: the wire is rejected with this reason. */
	static final class RegexTooSlowException extends RuntimeException {

		RegexTooSlowException(String message) {
			super(message, null, false, false);
		}

	}

}
