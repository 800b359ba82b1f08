package dev.migrate.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random edits of a valid input for the fuzz tests: at a position, remove some characters and insert a token. */
record Edits(List<Edit> edits) {
  record Edit(double at, int remove, String insert) {}

  /** One to four edits, each inserting one of {@code tokens}, a few Latin-1 characters or any characters. */
  static Arbitrary<Edits> of(List<String> tokens) {
    Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(tokens),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8),
        Arbitraries.strings().all().ofMaxLength(4));
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 40),
        insert).as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(4).map(Edits::new);
  }

  /** The valid text with the edits applied in turn. */
  String applyTo(String valid) {
    StringBuilder text = new StringBuilder(valid);
    for (Edit e : edits) {
      int at = (int) (e.at() * text.length());
      text.replace(at, Math.min(text.length(), at + e.remove()), e.insert());
    }
    return text.toString();
  }
}
