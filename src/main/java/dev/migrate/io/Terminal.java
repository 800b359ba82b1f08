package dev.migrate.io;

/**
 * Makes text from untrusted input safe to print on a terminal. Request paths in access logs,
 * tag values, account aliases and snapshot values are written by others: a raw ESC starts a
 * terminal control sequence (colours, cursor moves, window titles, on some terminals
 * clipboard writes), a BEL rings, and a CR or LF inside a value forges a line of output.
 *
 * <p>Every value that came from an input file or from AWS goes through {@link #safe} where it
 * is printed, never earlier: the JSON and the workbook keep the original text.
 */
public final class Terminal {
  private Terminal() {}

  /**
   * The text with every control character made visible: {@code \t}, {@code \n}, {@code \r},
   * {@code \e} (ESC) and {@code \xHH} for the other C0 and C1 controls and DEL, {@code \\uHHHH}
   * for the Unicode bidirectional overrides and isolates (they reorder what the reader sees)
   * and for unpaired surrogates; a backslash stays as it is. Null stays null.
   */
  public static String safe(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && !escaped(s, i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!escaped(s, i)) {
        sb.append(c);
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == 0x1b) {
        sb.append("\\e");
      } else if (c < 0x100) {
        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** {@link #safe} for each line of a text whose line breaks are meant (a multi-line message). */
  public static String safeLines(String s) {
    if (s == null) {
      return null;
    }
    String[] lines = s.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = safe(lines[i]);
    }
    return String.join("\n", lines);
  }

  private static boolean escaped(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
