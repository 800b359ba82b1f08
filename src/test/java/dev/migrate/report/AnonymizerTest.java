package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class AnonymizerTest {
  private final Assessment a = Fixtures.tableapp();
  private final Anonymizer anon = Anonymizer.forAssessment(a, "test salt");

  @Test
  void pseudonymsAreStableAndNamedByKind() {
    Anonymizer again = Anonymizer.forAssessment(Fixtures.tableapp(), "test salt");
    String id = Fixtures.iid(1);
    assertEquals(anon.id(id), again.id(id));
    assertTrue(anon.id(id).matches("instance-[0-9a-f]{8}"), anon.id(id));
    assertTrue(anon.id(Fixtures.ACCOUNT).startsWith("account-"));
    assertTrue(anon.id(Fixtures.BUCKET).startsWith("bucket-"));
    assertTrue(anon.id(Fixtures.ALB_ARN).startsWith("lb-"));
    assertNotEquals(anon.id(id), Anonymizer.forAssessment(a, "other salt").id(id));
  }

  @Test
  void distinctValuesGetDistinctPseudonyms() {
    var seen = new HashSet<String>();
    for (int n = 1; n <= 7; n++) {
      assertTrue(seen.add(anon.id(Fixtures.iid(n))));
    }
  }

  @Test
  void freeTextHasKnownValuesReplacedAsWholeTokens() {
    String text = anon.text("member of web-asg (" + Fixtures.iid(2) + "), see " + Fixtures.ALB_ARN + ". Owner Jane Doe.");
    assertFalse(text.contains("web-asg"), text);
    assertFalse(text.contains(Fixtures.iid(2)), text);
    assertFalse(text.contains("123456789012"), text);
    assertFalse(text.contains("Jane Doe"), text);
    assertTrue(text.startsWith("member of asg-"), text);
    assertTrue(text.contains(anon.id(Fixtures.iid(2))), text);
    // A known ARN is replaced whole; an unknown one has its known parts (the account) replaced.
    String lambda = "arn:aws:lambda:us-east-1:123456789012:function:tableapp-auth:7";
    assertTrue(anon.text("uses " + lambda).matches("uses function-[0-9a-f]{8}"), anon.text(lambda));
    assertEquals("arn:aws:iam::" + anon.id(Fixtures.ACCOUNT) + ":role/deploy",
        anon.text("arn:aws:iam::123456789012:role/deploy"));
    // Short words and small numbers stay, even if some tag had that value.
    assertEquals("1 of 2 on port 443", anon.text("1 of 2 on port 443"));
    assertEquals("no memory metrics: sized by instance type", anon.text("no memory metrics: sized by instance type"));
  }

  @Test
  void noneLeavesEverythingAsItIs() {
    Anonymizer none = Anonymizer.none();
    assertFalse(none.enabled());
    assertEquals(Fixtures.iid(1), none.id(Fixtures.iid(1)));
    assertEquals("web-asg", none.text("web-asg"));
  }
}
