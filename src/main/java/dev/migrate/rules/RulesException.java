package dev.migrate.rules;

import dev.migrate.io.InputError;
import java.util.List;

/** Rule files are invalid: carries every error found, sorted by file, line and column. */
public final class RulesException extends RuntimeException {
  private final List<InputError> errors;

  public RulesException(List<InputError> errors) {
    super(errors.size() + " error(s) in rules; first: " + (errors.isEmpty() ? "" : errors.get(0).format()));
    this.errors = errors.stream().sorted().toList();
  }

  /** Every error, sorted by file, line, column. */
  public List<InputError> errors() {
    return errors;
  }

  /** One {@code file:line:col: message} line per error. */
  public List<String> lines() {
    return errors.stream().map(InputError::format).toList();
  }
}
