package dev.migrate.cost.hybrid;

/**
 * One problem in a scenario, where it is and what is wrong.
 *
 * @param where    {@code file:line:col}, or {@code --set key=value} for an override
 * @param message  what is wrong and what to do
 */
public record ScenarioError(String where, String message) {
  @Override
  public String toString() {
    return where + ": " + message;
  }
}
