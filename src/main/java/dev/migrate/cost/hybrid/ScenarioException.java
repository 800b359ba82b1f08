package dev.migrate.cost.hybrid;

import dev.migrate.io.InputError;
import java.util.List;

/** All problems found in one or more scenarios, reported at once. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<InputError> errors;

  public ScenarioException(List<InputError> errors) {
    super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in scenario: "
        + String.join("; ", errors.stream().map(InputError::toString).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<InputError> errors() {
    return errors;
  }
}
