package dev.migrate.rules;

import java.util.List;

/** Rule files are invalid: carries every error found, sorted by file, line and column. */
public final class RulesException extends RuntimeException {
  private final List<RuleError> errors;

  public RulesException(List<RuleError> errors) {
    super(errors.size() + " error(s) in rules; first: " + (errors.isEmpty() ? "" : errors.get(0).format()));
    this.errors = errors.stream().sorted().toList();
  }

  /** Every error, sorted by file, line, column. */
  public List<RuleError> errors() {
    return errors;
  }

  /** One {@code file:line:col: message} line per error. */
  public List<String> lines() {
    return errors.stream().map(RuleError::format).toList();
  }
}
