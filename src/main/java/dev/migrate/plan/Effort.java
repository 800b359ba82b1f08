package dev.migrate.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much change a move needs (the usual "6 R" classes that apply here). */
public enum Effort {
  /** Same shape on Compute Engine: lift and shift. */
  REHOST,
  /** Same code, new platform: containers on GKE, managed load balancing, Cloud CDN. */
  REPLATFORM,
  /** Code or design changes: edge functions, features without a direct equivalent. */
  REFACTOR;

  /** The name in lower case, made once: reports read it for every item. */
  private final String wire = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wire() {
    return wire;
  }
}
