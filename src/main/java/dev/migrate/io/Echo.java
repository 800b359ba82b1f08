package dev.migrate.io;

import java.util.regex.Pattern;

/**
 * Puts text a user wrote back into a message safely: short (a 2 MB name is shown as its first
 * characters and its length), with control characters escaped, and without the names of library
 * settings that mean nothing to the user.
 */
public final class Echo {
  /** Characters of user text shown in a message before it is cut. */
  public static final int MAX = 80;

  /** A parenthesis or clause naming a library setting, e.g. "(from `StreamReadConstraints.getMaxNumberLength()`)". */
  private static final Pattern LIBRARY = Pattern.compile("\\s*\\([^()]*`[^`]*`[^()]*\\)|\\s*`[A-Za-z]+(Feature|Constraints)[^`]*`");

  private Echo() {}

  /** {@code 'text'}, cut to {@link #MAX} characters and escaped. */
  public static String quote(String text) {
    return "'" + clip(text) + "'";
  }

  /** The text cut to {@link #MAX} characters and escaped. */
  public static String clip(String text) {
    return clip(text, MAX);
  }

  /**
   * The text cut to {@code max} characters (saying how long it was) with control characters
   * escaped as {@link Terminal#safe} does.
   */
  public static String clip(String text, int max) {
    if (text == null) {
      return "null";
    }
    String head = text.length() > max ? text.substring(0, max) : text;
    StringBuilder out = new StringBuilder(Terminal.safe(head));
    if (text.length() > max) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  /** The message without parentheses or names that refer to a library's settings. */
  public static String withoutLibraryNames(String message) {
    return message == null ? "" : LIBRARY.matcher(message).replaceAll("").trim();
  }
}
