package org.wirereclassifier.pass;

import java.util.List;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import tools.jackson.core.JacksonException;

/**
 * Finds the line of a key in a job file, for error messages. Jackson reports a record's unknown key at the end of
 * the record (it reads the whole object first), so the line is looked up in the YAML node tree instead, which
 * knows where every key starts. JSON job files are YAML too.
 */
final class JobFileLocator {

	private JobFileLocator() {
	}

	/** The 1-based line of the last element of {@code path} that exists in the file, or -1. */
	static int line(String text, List<JacksonException.Reference> path) {
		Node current;
		try {
			current = new Compose(LoadSettings.builder().build()).composeString(text).orElse(null);
		}
		catch (RuntimeException ex) {
			return -1;
		}
		int line = -1;
		for (JacksonException.Reference reference : path) {
			Node next = null;
			if (reference.getPropertyName() != null && current instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(reference.getPropertyName())) {
						line = lineOf(key);
						next = tuple.getValueNode();
						break;
					}
				}
			}
			else if (reference.getIndex() >= 0 && current instanceof SequenceNode sequence
					&& reference.getIndex() < sequence.getValue().size()) {
				next = sequence.getValue().get(reference.getIndex());
				line = lineOf(next);
			}
			if (next == null) {
				break;
			}
			current = next;
		}
		return line;
	}

	/** The line of {@code root[index].keys…} (a rule, or a key inside it). */
	static int line(String text, String root, int index, String... keys) {
		List<JacksonException.Reference> path = new java.util.ArrayList<>();
		path.add(new JacksonException.Reference(null, root));
		path.add(new JacksonException.Reference(null, index));
		for (String key : keys) {
			path.add(new JacksonException.Reference(null, key));
		}
		return line(text, path);
	}

	/** The tags YAML gives plain data; any other tag names a type to construct, which a job file has no use for. */
	private static final java.util.Set<Tag> DATA_TAGS = java.util.Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
			Tag.NULL, Tag.SEQ, Tag.MAP);

	/**
	 * The line and tag of the first node with an explicit type tag ({@code !!java.lang.ProcessBuilder},
	 * {@code !spel}), or null. Such tags are refused outright: they are never constructed, but a job file carrying
	 * one was written to do something other than describe a pass.
	 */
	static String firstTypeTag(String text) {
		Node root;
		try {
			root = new Compose(LoadSettings.builder().build()).composeString(text).orElse(null);
		}
		catch (RuntimeException ex) {
			return null; // a syntax error: the binding reports it with its line
		}
		java.util.Deque<Node> nodes = new java.util.ArrayDeque<>();
		if (root != null) {
			nodes.push(root);
		}
		while (!nodes.isEmpty()) {
			Node node = nodes.pop();
			if (!DATA_TAGS.contains(node.getTag())) {
				return "line " + lineOf(node) + ": " + node.getTag().getValue();
			}
			if (node instanceof MappingNode mapping) {
				for (int i = mapping.getValue().size() - 1; i >= 0; i--) {
					nodes.push(mapping.getValue().get(i).getValueNode());
					nodes.push(mapping.getValue().get(i).getKeyNode());
				}
			}
			else if (node instanceof SequenceNode sequence) {
				for (int i = sequence.getValue().size() - 1; i >= 0; i--) {
					nodes.push(sequence.getValue().get(i));
				}
			}
		}
		return null;
	}

	/** {@code pass.name}, {@code rules[3].when}: where in the file a problem is. */
	static String dotted(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				out.append('[').append(reference.getIndex()).append(']');
			}
		}
		return out.toString();
	}

	private static int lineOf(Node node) {
		return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(-1);
	}

}
