package io.piobuildpack.hooks.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an option string into words as a POSIX shell would — whitespace separates words, single quotes keep
 * everything literally, double quotes keep everything but {@code \"}, {@code \\}, {@code \$} and
 * {@code \`} escapes, a backslash outside quotes escapes the next character — without ever evaluating
 * anything: {@code $VAR}, {@code $(...)}, globs and {@code ;} stay literal text.
 */
public final class ShellWords {

  private ShellWords() {}

  /**
   * The words of the string; {@code null} or blank gives none.
   *
   * @throws IllegalArgumentException naming the problem when a quote is not closed
   */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated single quote at character " + (i + 1));
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < text.length()) {
          if (text.charAt(i + 1) != '\n') {
            word.append(text.charAt(i + 1));
            inWord = true;
          }
          i += 2;
        } else {
          word.append('\\');
          inWord = true;
          i++;
        }
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int doubleQuoted(String text, int start, StringBuilder word) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
        if (text.charAt(i + 1) != '\n') {
          word.append(text.charAt(i + 1));
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated double quote at character " + start);
  }
}
