package dev.migrate.cost;

/**
 * A parameter the figures depend on, for the Assumptions sheet.
 *
 * @param name    e.g. "hours per month"
 * @param value   e.g. "730"
 * @param source  why this value (a citation, "default", "--set", a scenario file)
 */
public record Assumption(String name, String value, String source) {}
