/** The picocli commands, exit codes and the {@code Main.run(out, err, args)} entry point. */
package dev.migrate.cli;
