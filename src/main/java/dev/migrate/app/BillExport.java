package dev.migrate.app;

import dev.migrate.bill.BillExportException;
import dev.migrate.bill.DataExports;
import dev.migrate.collect.BillExportDownload;
import dev.migrate.collect.CollectException;
import dev.migrate.inventory.Billing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code --bill-export}: the bill from AWS Data Exports files, in a folder or under an s3:// prefix. */
public final class BillExport {
  private BillExport() {}

  /**
   * Reads the export and says on {@code progress} what was read and what was left out.
   *
   * @param location    a folder or file of Parquet or gzip CSV files, or {@code s3://bucket/prefix}
   * @param profile     AWS profile for an s3:// location, or null for the default chain
   * @param endpointUrl endpoint override for an s3:// location, or null
   * @throws Failure INVALID_INPUT for files that cannot be read, REMOTE when S3 refuses or fails
   */
  public static Billing read(String location, String profile, String endpointUrl, Clock clock, PrintStream progress) {
    DataExports.Result r;
    if (location.startsWith("s3://")) {
      Path dir = null;
      try {
        dir = Files.createTempDirectory("migrate-bill-export-");
        int n = BillExportDownload.download(location, profile, endpointUrl, dir);
        progress.printf(Locale.ROOT, "migrate: downloaded %d Data Exports files from %s%n", n, location);
        r = DataExports.read(dir, clock);
      } catch (CollectException e) {
        throw new Failure(e.remote() ? Failure.Kind.REMOTE : Failure.Kind.USAGE, "--bill-export " + e.getMessage(), e);
      } catch (BillExportException e) {
        // Name the object, not the temporary copy.
        throw new Failure(Failure.Kind.INVALID_INPUT, "--bill-export " + e.getMessage()
            .replace(dir.toString(), location.endsWith("/") ? location.substring(0, location.length() - 1) : location), e);
      } catch (IOException e) {
        throw new Failure(Failure.Kind.OUTPUT, "--bill-export " + location + ": cannot create a temporary folder: "
            + e.getMessage(), e);
      } finally {
        delete(dir);
      }
    } else {
      try {
        r = DataExports.read(Path.of(location), clock);
      } catch (BillExportException e) {
        throw new Failure(Failure.Kind.INVALID_INPUT, "--bill-export " + e.getMessage(), e);
      }
    }
    Billing b = r.billing();
    if (b.months().isEmpty()) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "--bill-export " + location
          + ": no line item in the last 12 months and the current one; give a newer export");
    }
    Billing.Month last = b.months().stream().filter(m -> !m.estimated()).reduce((x, y) -> y).orElse(b.months().get(0));
    progress.printf(Locale.ROOT, "migrate: bill from %d Data Exports files: %d months %s..%s, %s %s USD (%d usage types)%n",
        r.files().size(), b.months().size(), b.months().get(0).month(), b.months().get(b.months().size() - 1).month(),
        last.month(), last.totalUsd().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
        last.usageLines().size());
    r.notes().forEach(n -> progress.println("migrate: note: " + n));
    return b;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing the run for.
    }
  }
}
