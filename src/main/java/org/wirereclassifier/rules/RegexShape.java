package org.wirereclassifier.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Recognises the shape of catastrophic backtracking in a regular expression: a group that can repeat
 * ({@code *}, {@code +}, {@code {n,}}, {@code {n,m}}) holding something that can itself repeat or be skipped
 * ({@code (a+)+}, {@code (a*b?)*}, {@code ((a+))+}). Character classes and exact counts ({@code (\d{4})+},
 * {@code ([+-]\d)+}) are not such a shape. Run-time bounds catch what this misses.
 */
final class RegexShape {

	private RegexShape() {
	}

	static boolean nestsQuantifiers(String regex) {
		// for each open group: whether it holds a variable quantifier so far
		Deque<boolean[]> groups = new ArrayDeque<>();
		boolean lastGroupVariable = false;
		int i = 0;
		while (i < regex.length()) {
			char c = regex.charAt(i);
			boolean closedGroup = false;
			if (c == '\\') {
				i += 2;
				lastGroupVariable = false;
				continue;
			}
			if (c == '[') {
				i = skipClass(regex, i);
				lastGroupVariable = false;
				continue;
			}
			if (c == '(') {
				groups.push(new boolean[] { false });
				i++;
				if (i < regex.length() && regex.charAt(i) == '?') {
					// (?:…), (?=…), (?<name>…), (?i): the group's kind, not a quantifier
					i++;
					while (i < regex.length() && (Character.isLetter(regex.charAt(i)) || ":=!<>-".indexOf(regex.charAt(i)) >= 0)) {
						i++;
					}
				}
				continue;
			}
			if (c == ')') {
				boolean[] group = groups.isEmpty() ? new boolean[] { false } : groups.pop();
				lastGroupVariable = group[0];
				if (lastGroupVariable && !groups.isEmpty()) {
					groups.peek()[0] = true;
				}
				i++;
				closedGroup = true;
			}
			else if (c == '*' || c == '+' || c == '?' || c == '{') {
				int end = c == '{' ? regex.indexOf('}', i) : i;
				boolean variable = c != '{' || (end > 0 && regex.substring(i, end).contains(","));
				boolean repeats = c == '*' || c == '+' || (c == '{' && variable);
				if (repeats && lastGroupVariable) {
					return true;
				}
				if (variable && !groups.isEmpty()) {
					groups.peek()[0] = true;
				}
				i = (c == '{' && end > 0 ? end : i) + 1;
				// a lazy or possessive suffix belongs to this quantifier
				if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
					i++;
				}
				lastGroupVariable = false;
				continue;
			}
			else {
				i++;
			}
			if (!closedGroup) {
				lastGroupVariable = false;
			}
		}
		return false;
	}

	private static int skipClass(String regex, int start) {
		int i = start + 1;
		if (i < regex.length() && regex.charAt(i) == '^') {
			i++;
		}
		if (i < regex.length() && regex.charAt(i) == ']') {
			i++;
		}
		while (i < regex.length() && regex.charAt(i) != ']') {
			i += regex.charAt(i) == '\\' ? 2 : 1;
		}
		return i + 1;
	}

}
