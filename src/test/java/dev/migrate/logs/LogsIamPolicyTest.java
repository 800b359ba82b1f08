package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped policy for {@code logs analyze} lists exactly what {@link LogActions} declares, statement by
 * statement; the tests of each source check that what goes over the wire is declared ({@link LogsWire}).
 */
class LogsIamPolicyTest {
  static final Path POLICY = Path.of("iam", "migrate-logs-policy.json");

  @Test
  void shippedPolicyListsExactlyTheDeclaredActions() throws Exception {
    JsonNode policy = new ObjectMapper().readTree(Files.readString(POLICY));
    Map<String, TreeSet<String>> bySid = new TreeMap<>();
    for (JsonNode st : policy.get("Statement")) {
      assertEquals("Allow", st.get("Effect").asText());
      assertEquals("*", st.get("Resource").asText());
      TreeSet<String> actions = new TreeSet<>();
      st.get("Action").forEach(a -> actions.add(a.asText()));
      actions.forEach(a -> assertTrue(!a.contains("*"), a + " must not be a wildcard"));
      bySid.put(st.get("Sid").asText(), actions);
    }
    assertEquals(Map.of("MigrateLogsCalls", new TreeSet<>(LogActions.called()),
        "AthenaRunsForTheCaller", new TreeSet<>(LogActions.forAthena())), bySid);
  }

  @Test
  void theToolsOwnCallsOnlyReadExceptStartingAQuery() {
    for (String a : LogActions.called()) {
      String op = a.substring(a.indexOf(':') + 1);
      assertTrue(op.startsWith("Get") || op.startsWith("List") || op.equals("FilterLogEvents")
          || a.equals("athena:StartQueryExecution"), a);
    }
  }

  @Test
  void docsShowTheSamePolicy() throws Exception {
    String docs = Files.readString(Path.of("docs", "logs.md"));
    assertTrue(docs.contains(Files.readString(POLICY).strip()), "docs/logs.md must paste " + POLICY + " verbatim");
  }
}
