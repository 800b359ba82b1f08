package dev.migrate.io;

import java.math.BigDecimal;

/**
 * Text cells for the CSV files the tool writes, safe to open in a spreadsheet. A cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to
 * Excel, LibreOffice and Google Sheets: a Name tag {@code =HYPERLINK("http://evil","x")} would
 * become a live link, and worse formulas can run commands. As OWASP recommends against CSV
 * injection, such a text cell gets a leading single quote (shown as text, not evaluated) and is
 * always quoted. Numbers are written by {@link #number} and never touched, so a negative amount
 * stays a number.
 *
 * <p>The tool reads some of its CSV files back (the price book): {@link #restore} undoes the
 * prefix, so a value survives the round trip exactly. A value that itself starts with a single
 * quote before a trigger character gets one more quote, so the prefix is never ambiguous.
 */
public final class CsvText {
  private CsvText() {}

  /** The value with a leading single quote when a spreadsheet would read it as a formula. */
  public static String neutralize(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    if (i < s.length() && trigger(s.charAt(i)) || i > 0 && i == s.length()) {
      return "'" + s;
    }
    return s;
  }

  /** Undoes {@link #neutralize}: a leading quote before a trigger character (or another quote) is dropped. */
  public static String restore(String s) {
    if (s == null || s.length() < 2 || s.charAt(0) != '\'') {
      return s;
    }
    String rest = s.substring(1);
    return neutralize(rest).equals(s) ? rest : s;
  }

  /** A text cell: neutralised, then always quoted (RFC 4180), so a reader sees one field. Null is empty. */
  public static String cell(String s) {
    if (s == null) {
      return "";
    }
    return '"' + neutralize(s).replace("\"", "\"\"") + '"';
  }

  /**
   * {@link #cell(String)} written to {@code w} without building the quoted text: the same characters, for writers of
   * many rows.
   */
  public static void cell(java.io.Writer w, String s) throws java.io.IOException {
    if (s == null) {
      return;
    }
    w.write('"');
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) == '\'') {
      i++;
    }
    if (n > 0 && (i < n && trigger(s.charAt(i)) || i > 0 && i == n)) {
      w.write('\'');
    }
    int from = 0;
    // indexOf finds the (rare) quotes faster than a look at each character.
    for (int j = s.indexOf('"'); j >= 0; j = s.indexOf('"', j + 1)) {
      w.write(s, from, j + 1 - from);
      w.write('"');
      from = j + 1;
    }
    w.write(s, from, n - from);
    w.write('"');
  }

  /**
   * The cells of one column, each encoded once: a column that repeats its values (a price source of up to 300
   * characters, a service, a unit) costs a copy of the encoded bytes per row instead of neutralising, quoting and
   * encoding the text again. At most {@link #LIMIT} values are kept; others are written as they come. Not
   * thread-safe: one per writer.
   */
  public static final class Column {
    public static final int LIMIT = 1 << 12;
    private final java.util.Map<String, byte[]> seen = new java.util.HashMap<>();
    private final java.io.ByteArrayOutputStream scratch = new java.io.ByteArrayOutputStream();

    /** {@link CsvText#cell(java.io.Writer, String)} of {@code s} to {@code w}: the same bytes. */
    public void cell(Utf8Writer w, String s) throws java.io.IOException {
      if (s == null) {
        return;
      }
      byte[] bytes = seen.get(s);
      if (bytes == null) {
        if (seen.size() >= LIMIT) {
          CsvText.cell(w, s);
          return;
        }
        scratch.reset();
        Utf8Writer one = new Utf8Writer(scratch, 256);
        CsvText.cell(one, s);
        one.flush();
        bytes = scratch.toByteArray();
        seen.put(s, bytes);
      }
      w.writeEncoded(bytes);
    }
  }

  /** A number cell: plain decimal, never quoted or prefixed. Null is empty. */
  public static String number(BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  /** Whether a cell starting with this character is read as a formula (OWASP CSV injection list). */
  static boolean trigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
