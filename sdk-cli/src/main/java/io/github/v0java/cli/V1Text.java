package io.github.v0java.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readable text of v1 message content rows ({@code experimental_content}): rows are
 * {@code [kind, nodes]}, nodes are {@code [tag, attributes, ...children]} or strings. Only the
 * strings are kept, with a line break after each block element.
 */
final class V1Text {
  private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
      "pre", "blockquote", "ul", "ol", "div", "br", "hr", "table", "tr");

  private V1Text() {
  }

  static String of(Object content) {
    StringBuilder text = new StringBuilder();
    walk(content, text);
    return text.toString();
  }

  private static void walk(Object node, StringBuilder text) {
    if (node instanceof String string) {
      text.append(string);
    } else if (node instanceof List<?> list) {
      if (list.size() >= 2 && list.get(0) instanceof String tag && list.get(1) instanceof Map) {
        for (int i = 2; i < list.size(); i++) walk(list.get(i), text);
        if (BLOCKS.contains(tag) && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append('\n');
        }
      } else if (list.size() == 2 && list.get(0) instanceof Number) {
        walk(list.get(1), text); // A row: [kind, nodes].
      } else {
        for (Object item : list) walk(item, text);
      }
    }
  }
}
