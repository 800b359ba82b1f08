package dev.migrate.cost.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written tier word matching agrees with the regular expressions it replaced. */
class TierWordsTest {
  static final Pattern CACHE = Pattern.compile("redis|memcache|valkey|cache");
  static final Pattern DB = Pattern.compile(
      "(^|[^a-z])(db|rds)([^a-z]|$)|mysql|postgres|maria|mongo|database|sql|elasticsearch|opensearch|cassandra");

  @Test
  void agreesWithTheRegularExpressions() {
    List<String> texts = new ArrayList<>(List.of("", "db", "rds", "db1", "xdb", "dbx", "orders-db", "my db host",
        "mongodb", "rdsx", "x rds", "1rds2", "wordsrds", "the-rds", "cards", "redis", "elasticache", "memcached",
        "valkey-1", "postgresql", "mariadb", "cassandra", "opensearch", "web api-01", "db\n", "\ndb", "sq l", "dbdb",
        "d b", "r-db-", "dé db", "édb"));
    // Random texts over an alphabet that makes the words and their boundaries likely.
    String alphabet = "dbrsqlmyacheo -1_.\n";
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(sb.toString());
    }
    for (String t : texts) {
      assertEquals(CACHE.matcher(t).find(), HybridModel.isCache(t), () -> "cache: '" + t + "'");
      assertEquals(DB.matcher(t).find(), HybridModel.isDb(t), () -> "db: '" + t + "'");
    }
  }
}
