package org.wirereclassifier.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;

/**
 * Finds many keywords at once (Aho–Corasick): each text is scanned once, character by character, whatever the
 * number of keywords, so adding rules does not multiply the cost of a pass.
 * <p>
 * Matching is case-insensitive and on word boundaries; any run of white space in the text matches a single space
 * in a keyword; a keyword ending in {@code *} matches any ending of its last word ({@code discriminat*}).
 */
public final class KeywordMatcher {

	private static final char SPACE = ' ';

	/** Each character as matched: lower case, and any white space as a space. Looked up, not computed per char. */
	private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

	/** Whether each character is part of a word (a letter or a digit): word boundaries. */
	private static final boolean[] WORD = new boolean[Character.MAX_VALUE + 1];

	static {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
			FOLDED[c] = space ? SPACE : Character.toLowerCase((char) c);
			WORD[c] = Character.isLetterOrDigit(c);
		}
	}

	/** Dense transition table: state * alphabet + symbol. */
	private final int[] transitions;

	private final int alphabet;

	/** Symbol of each character; 0 for characters no keyword has. */
	private final char[] symbols;

	/** Keywords that end at each state (its own and those of its suffix states). */
	private final int[][] outputs;

	private final int[] lengths;

	private final boolean[] prefixes;

	private final int size;

	/** Each classifying thread's buffer for the text as matched: reused, as a text a wire is scanned twice. */
	private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

	private static final int KEPT = 1 << 20;

	private KeywordMatcher(int[] transitions, int alphabet, char[] symbols, int[][] outputs, int[] lengths,
			boolean[] prefixes) {
		this.transitions = transitions;
		this.alphabet = alphabet;
		this.symbols = symbols;
		this.outputs = outputs;
		this.lengths = lengths;
		this.prefixes = prefixes;
		this.size = lengths.length;
	}

	/** The keyword as it is matched: lower case, single spaces, without a trailing {@code *}. */
	static String normalise(String keyword) {
		// lower-cased char by char, as the text is, so that both sides fold the same way
		StringBuilder folded = new StringBuilder(keyword.length());
		keyword.strip().chars().forEach(c -> folded.append(Character.toLowerCase((char) c)));
		String text = folded.toString().replaceAll("\\s+", " ");
		return text.endsWith("*") ? text.substring(0, text.length() - 1).stripTrailing() : text;
	}

	/** Builds a matcher; keyword {@code i} is reported as bit {@code i}. */
	public static KeywordMatcher of(List<String> keywords) {
		char[] symbols = new char[Character.MAX_VALUE + 1];
		int alphabet = 1;
		List<String> normalised = new ArrayList<>();
		boolean[] prefixes = new boolean[keywords.size()];
		for (int k = 0; k < keywords.size(); k++) {
			String keyword = normalise(keywords.get(k));
			if (keyword.isEmpty()) {
				throw new IllegalArgumentException("empty keyword");
			}
			prefixes[k] = keywords.get(k).strip().endsWith("*");
			normalised.add(keyword);
			for (char c : keyword.toCharArray()) {
				if (symbols[c] == 0) {
					symbols[c] = (char) alphabet++;
				}
			}
		}
		// trie
		List<int[]> goTo = new ArrayList<>();
		List<List<Integer>> ends = new ArrayList<>();
		goTo.add(new int[alphabet]);
		ends.add(new ArrayList<>());
		int[] lengths = new int[keywords.size()];
		for (int k = 0; k < normalised.size(); k++) {
			String keyword = normalised.get(k);
			lengths[k] = keyword.length();
			int state = 0;
			for (char c : keyword.toCharArray()) {
				int symbol = symbols[c];
				if (goTo.get(state)[symbol] == 0) {
					goTo.get(state)[symbol] = goTo.size();
					goTo.add(new int[alphabet]);
					ends.add(new ArrayList<>());
				}
				state = goTo.get(state)[symbol];
			}
			ends.get(state).add(k);
		}
		// failure links, folded into a complete transition table (breadth first)
		int states = goTo.size();
		int[] table = new int[states * alphabet];
		int[] failure = new int[states];
		Queue<Integer> queue = new ArrayDeque<>();
		for (int symbol = 1; symbol < alphabet; symbol++) {
			int next = goTo.get(0)[symbol];
			table[symbol] = next;
			if (next != 0) {
				queue.add(next);
			}
		}
		int[][] outputs = new int[states][];
		outputs[0] = new int[0];
		while (!queue.isEmpty()) {
			int state = queue.remove();
			int[] own = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
			int[] inherited = outputs[failure[state]];
			outputs[state] = concat(own, inherited);
			for (int symbol = 0; symbol < alphabet; symbol++) {
				int next = symbol == 0 ? 0 : goTo.get(state)[symbol];
				if (next != 0) {
					failure[next] = table[failure[state] * alphabet + symbol];
					table[state * alphabet + symbol] = next;
					queue.add(next);
				}
				else {
					table[state * alphabet + symbol] = table[failure[state] * alphabet + symbol];
				}
			}
		}
		return new KeywordMatcher(table, alphabet, symbols, outputs, lengths, prefixes);
	}

	private static int[] concat(int[] a, int[] b) {
		if (b.length == 0) {
			return a;
		}
		int[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	public int size() {
		return this.size;
	}

	private static char[] buffer(int length) {
		if (length > KEPT) {
			return new char[length]; // a huge text does not pin its buffer for the rest of the run
		}
		char[] buffer = BUFFER.get();
		if (buffer.length < length) {
			buffer = new char[Math.max(length, Math.min(KEPT, buffer.length * 2))];
			BUFFER.set(buffer);
		}
		return buffer;
	}

	/** Sets in {@code found} the bit of every keyword that occurs in {@code text}. */
	public void scan(String text, BitSet found) {
		if (this.size == 0 || text.isEmpty()) {
			return;
		}
		// the text as matched: lower case, white space runs as one space, framed by spaces (word boundaries)
		char[] normal = buffer(text.length() + 2);
		int n = 0;
		normal[n++] = SPACE;
		boolean space = true;
		for (int i = 0; i < text.length(); i++) {
			char c = FOLDED[text.charAt(i)];
			if (c != SPACE || !space) {
				normal[n++] = c;
			}
			space = c == SPACE;
		}
		if (!space) {
			normal[n++] = SPACE;
		}
		int[] table = this.transitions;
		int alphabet = this.alphabet;
		char[] symbols = this.symbols;
		int state = 0;
		for (int i = 0; i < n; i++) {
			state = table[state * alphabet + symbols[normal[i]]];
			int[] ends = this.outputs[state];
			for (int keyword : ends) {
				int start = i - this.lengths[keyword] + 1;
				if (!WORD[normal[start - 1]] && (this.prefixes[keyword] || i + 1 >= n || !WORD[normal[i + 1]])) {
					found.set(keyword);
				}
			}
		}
	}

}
