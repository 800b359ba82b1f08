package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped policy lists exactly what the collectors declare, and nothing that writes. */
class IamPolicyTest {
  static final Path POLICY = Path.of("iam", "migrate-readonly-policy.json");

  @Test
  void shippedPolicyListsExactlyTheDeclaredActions() throws Exception {
    JsonNode policy = new ObjectMapper().readTree(Files.readString(POLICY));
    TreeSet<String> listed = new TreeSet<>();
    for (JsonNode st : policy.get("Statement")) {
      assertEquals("Allow", st.get("Effect").asText());
      assertEquals("*", st.get("Resource").asText());
      st.get("Action").forEach(a -> listed.add(a.asText()));
    }
    assertEquals(IamActions.declared(), listed,
        "iam/migrate-readonly-policy.json must list exactly IamActions.declared()");
  }

  @Test
  void everyDeclaredActionOnlyReads() {
    for (String action : IamActions.declared()) {
      assertTrue(IamActions.isReadOnly(action), action + " is not a Describe/List/Get action");
      assertTrue(!action.contains("*"), action + " must not be a wildcard");
    }
  }

  @Test
  void docsShowTheSamePolicy() throws Exception {
    String docs = Files.readString(Path.of("docs", "collect.md"));
    String policy = Files.readString(POLICY).strip();
    assertTrue(docs.contains(policy), "docs/collect.md must paste iam/migrate-readonly-policy.json verbatim");
  }

  @Test
  void everyRequestOnTheWireIsADeclaredReadOnlyAction() {
    try (Fixtures fx = new Fixtures()) {
      fx.collect();
      List<String> wire = Journal.actions(fx.server);
      assertTrue(wire.size() > 30, "the full stub account was scanned: " + wire.size());
      assertWireIsReadOnly(wire);
      // Both views agree: what the SDK reported calling is what went over the wire.
      assertEquals(new TreeSet<>(wire), new TreeSet<>(fx.collect().calls().calls().keySet()));
    }
  }

  @Test
  void theClientsRefuseAnUndeclaredOrMutatingCallBeforeSendingIt() {
    try (Fixtures fx = new Fixtures();
        Clients clients = new Clients(fx.options(), software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDTEST", "secret")),
            List.of(new CallLog()), "us-east-1")) {
      var ec2 = clients.ec2("us-east-1");
      RuntimeException stop = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> ec2.terminateInstances(r -> r.instanceIds("i-0a1")));
      assertTrue(String.valueOf(stop.getMessage()).contains("refusing to call ec2:TerminateInstances"), stop.getMessage());
      org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ec2.describeImages());
      assertEquals(List.of(), fx.server.getAllServeEvents(), "nothing was sent");
    }
  }

  static void assertWireIsReadOnly(List<String> wire) {
    for (String action : wire) {
      assertTrue(IamActions.declared().contains(action), "undeclared call on the wire: " + action);
      assertTrue(IamActions.isReadOnly(action), "mutating call on the wire: " + action);
    }
  }
}
