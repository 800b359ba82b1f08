package dev.migrate.pricing;

import dev.migrate.io.Fields;
import dev.migrate.io.InputError;
import dev.migrate.io.Position;
import dev.migrate.io.Yaml;
import dev.migrate.io.Yaml.ListNode;
import dev.migrate.io.Yaml.MapNode;
import dev.migrate.io.Yaml.Node;
import dev.migrate.io.Yaml.Scalar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a price book's {@code pricebook.yaml} through the shared YAML tree, so every problem of a
 * hand-edited manifest is named in words with its {@code file:line:col}, all of them at once.
 */
final class ManifestReader {
  private static final List<String> FIELDS = List.of("name", "date", "currency", "hoursPerMonth", "files", "geographies",
      "regions", "sources");
  private static final List<String> SOURCE_FIELDS = List.of("id", "title", "url", "revision", "date");
  /** Hours in a month a book may assume: from a 28-day month to a 31-day one. */
  private static final long MIN_HOURS = 672;
  private static final long MAX_HOURS = 744;

  private final List<InputError> errors = new ArrayList<>();
  private final Fields fields = new Fields(errors);

  private ManifestReader() {}

  /**
   * The manifest in {@code text}; {@code name} is the file name messages show.
   *
   * @throws PriceBookException naming every problem, one {@code file:line:col: message} per line
   */
  static PriceBook.Manifest read(String text, String name) {
    return new ManifestReader().manifest(text, name);
  }

  private PriceBook.Manifest manifest(String text, String name) {
    Node root;
    try {
      root = Yaml.parse(name, text, "price book manifest", errors);
    } catch (Yaml.SyntaxError e) {
      throw new PriceBookException(e.error().format());
    }
    if (!(root instanceof MapNode m)) {
      Position at = root == null ? new Position(name, 1, 1) : root.pos();
      throw new PriceBookException(at.error("a price book manifest is a mapping with date, files and sources"
          + (root == null ? "; the file is empty" : ", found " + root.describe())).format());
    }
    fields.unknown(m, "the price book manifest", FIELDS);
    String bookName = text(m, "name");
    LocalDate date = date(m, "date");
    if (date == null && !m.has("date")) {
      errors.add(m.pos().error("missing 'date' (the day the book's prices were gathered, YYYY-MM-DD)"));
    }
    String currency = text(m, "currency");
    Integer hours = hours(m);
    List<String> files = fields.stringList(m, "files");
    if (files.isEmpty() && !(m.get("files") != null && !(m.get("files").value() instanceof ListNode))) {
      errors.add(Fields.at(m, "files").error("'files' lists no price files"));
    }
    String geographies = text(m, "geographies");
    String regions = text(m, "regions");
    List<PriceBook.Source> sources = sources(m);
    if (!errors.isEmpty()) {
      throw new PriceBookException(String.join("\n", errors.stream().sorted().map(InputError::format).toList()));
    }
    return new PriceBook.Manifest(bookName, date, currency, hours, files, geographies, regions, sources);
  }

  /** An optional single value; an explicit null (as the writer gives a source without a revision) is absent. */
  private String text(MapNode m, String key) {
    if (m.get(key) != null && m.get(key).value() instanceof Scalar n && n.isNull()) {
      return null;
    }
    Scalar s = fields.single(m, key);
    return s == null ? null : s.text();
  }

  private LocalDate date(MapNode m, String key) {
    String t = text(m, key);
    Scalar s = t == null ? null : (Scalar) m.get(key).value();
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.text().trim());
    } catch (DateTimeParseException e) {
      errors.add(s.pos().error(dev.migrate.io.Echo.quote(key) + " must be a date written YYYY-MM-DD, found "
          + s.describe()));
      return null;
    }
  }

  private Integer hours(MapNode m) {
    Scalar s = fields.single(m, "hoursPerMonth");
    if (s == null) {
      return null;
    }
    var whole = s.isNumber() ? s.whole() : java.util.Optional.<Long>empty();
    if (whole.isEmpty() || whole.get() < MIN_HOURS || whole.get() > MAX_HOURS) {
      errors.add(s.pos().error("'hoursPerMonth' must be a whole number of hours from " + MIN_HOURS + " to " + MAX_HOURS
          + " (730 is the usual average month), found " + s.describe()));
      return null;
    }
    return whole.get().intValue();
  }

  private List<PriceBook.Source> sources(MapNode m) {
    var e = m.get("sources");
    if (e == null) {
      return List.of();
    }
    if (!(e.value() instanceof ListNode list)) {
      errors.add(e.value().pos().error("'sources' must be a list of sources (id, title, url, revision, date), found "
          + e.value().describe()));
      return List.of();
    }
    List<PriceBook.Source> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node n = list.items().get(i);
      if (!(n instanceof MapNode s)) {
        errors.add(n.pos().error("sources[" + i + "] must be a mapping (id, title, url, revision, date), found "
            + n.describe()));
        continue;
      }
      fields.unknown(s, "sources[" + i + "]", SOURCE_FIELDS);
      out.add(new PriceBook.Source(text(s, "id"), text(s, "title"), text(s, "url"), text(s, "revision"), date(s, "date")));
    }
    return out;
  }
}
