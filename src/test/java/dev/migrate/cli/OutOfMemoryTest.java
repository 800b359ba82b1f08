package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that the heap bound stops ends in one line that says how to give the JVM more memory, with its own exit code,
 * instead of a stack trace. The JVM is started as the launcher starts it (the project's {@code jvm.options}), with a
 * heap far too small for the sample.
 */
class OutOfMemoryTest {
  @TempDir
  Path dir;

  @Test
  void aHeapTooSmallIsOneLineNamingMigrateJavaOpts() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path options = Path.of("jvm.options").toAbsolutePath();
    assertTrue(Files.isRegularFile(options), options + " is missing");
    // MIGRATE_JAVA_OPTS comes after jvm.options in the launcher, so later heap options win here as they do there
    // (all three sizes: jvm.options starts the heap at its bound and fixes the young generation's size, and a start
    // above the bound is refused).
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + options,
        "-Xms24m", "-Xmx24m", "-Xmn8m", "-cp", classpath, "dev.migrate.cli.Main", "assess", "--sample", "--out", dir.resolve("out").toString());
    File stdout = dir.resolve("stdout.txt").toFile();
    File stderr = dir.resolve("stderr.txt").toFile();
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("migrate assess did not end in 120 s");
    }
    List<String> err = Files.readAllLines(stderr.toPath(), StandardCharsets.UTF_8);
    assertEquals(ExitCode.OUT_OF_MEMORY, p.exitValue(), String.join("\n", err));
    assertEquals(1, err.size(), String.join("\n", err));
    assertTrue(err.get(0).matches("migrate: out of memory \\((Java heap space|GC overhead limit exceeded)\\): the heap "
        + "is limited to [0-9]+ MiB; give the JVM more, e.g\\. MIGRATE_JAVA_OPTS=-Xmx2g \\./migrate .*"), err.get(0));
    assertTrue(Files.notExists(dir.resolve("out")) || Files.list(dir.resolve("out")).findAny().isEmpty(),
        "no output of a failed run");
  }
}
