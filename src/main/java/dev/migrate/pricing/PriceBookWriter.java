package dev.migrate.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.migrate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a price book folder: the manifest, one CSV per file, and the geographies file. */
public final class PriceBookWriter {
  private PriceBookWriter() {}

  public static void write(PriceBook book, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, List<Price>> byFile = new TreeMap<>();
    for (Price p : book.prices()) {
      String file = book.fileOf(p.key());
      if (file == null) {
        file = p.key().provider() + "/" + p.key().service().replace('-', '_') + ".csv";
      }
      byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(p);
    }
    for (var e : byFile.entrySet()) {
      StringBuilder sb = new StringBuilder();
      sb.append("# written by migrate prices refresh; every row keeps its own source and as_of\n");
      sb.append(String.join(",", PriceBook.HEADER)).append('\n');
      for (Price p : e.getValue()) {
        for (Tier t : p.tiers()) {
          PriceKey k = p.key();
          boolean flat = !p.tiered();
          sb.append(String.join(",", CsvCells.text(k.provider()), CsvCells.text(k.service()), CsvCells.text(k.sku()), CsvCells.text(k.region()),
              flat ? "" : t.from().toPlainString(), t.to() == null ? "" : t.to().toPlainString(), t.usd().toPlainString(),
              CsvCells.text(p.unit()), CsvCells.text(t.source()), t.asOf().toString(), CsvCells.text(t.note()))).append('\n');
        }
      }
      AtomicFiles.writeString(dir.resolve(e.getKey()), sb.toString());
    }
    List<String> files = new ArrayList<>(byFile.keySet());
    PriceBook.Manifest m = book.manifest();
    PriceBook.Manifest out = new PriceBook.Manifest(m.name(), m.date(), m.currency(), m.hoursPerMonth(), files,
        m.geographies() == null ? null : "geographies.csv", book.regions().isEmpty() ? null : "regions.csv", m.sources());
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
        .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    AtomicFiles.writeString(dir.resolve("pricebook.yaml"), yaml.writeValueAsString(out));
    if (m.geographies() != null) {
      StringBuilder g = new StringBuilder("geography,aws_cloudfront_transfer,aws_cloudfront_requests,gcp_cdn,gcp_egress_dest,aliases,region_prefixes\n");
      for (Geography x : book.geographies().all()) {
        g.append(String.join(",", CsvCells.text(x.name()), CsvCells.text(x.awsCloudfrontTransfer()), CsvCells.text(x.awsCloudfrontRequests()),
            CsvCells.text(x.gcpCdn()), CsvCells.text(x.gcpEgressDest()),
            CsvCells.text(String.join(";", x.aliases())), CsvCells.text(String.join(";", x.regionPrefixes())))).append('\n');
      }
      AtomicFiles.writeString(dir.resolve("geographies.csv"), g.toString());
    }
    if (!book.regions().isEmpty()) {
      StringBuilder r = new StringBuilder("# region locations (nearest-region estimates), as in the book this one was refreshed from\n");
      r.append(String.join(",", PriceBook.REGIONS_HEADER)).append('\n');
      for (RegionLocation x : book.regions()) {
        r.append(String.join(",", CsvCells.text(x.provider()), CsvCells.text(x.region()), CsvCells.text(x.location()),
            Double.toString(x.latitude()), Double.toString(x.longitude()), CsvCells.text(x.source()), CsvCells.text(x.note()))).append('\n');
      }
      AtomicFiles.writeString(dir.resolve("regions.csv"), r.toString());
    }
  }
}
