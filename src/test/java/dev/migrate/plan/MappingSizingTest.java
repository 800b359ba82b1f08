package dev.migrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A mapping's sizing facts read as a map sorted by key, whatever order they were given in, and cannot change. */
class MappingSizingTest {
  private static Mapping mapping(Map<String, String> sizing) {
    return new Mapping("i-1", ItemKind.EC2_INSTANCE, "web", "us-east-1", new Target.Retire(null, "us-east4"), "r",
        "because", Effort.REHOST, List.of(), List.of(), sizing);
  }

  @Test
  void factsGivenInAnyOrderReadSortedByKey() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("nodes", "3");
    given.put("machineType", "e2-standard-4");
    given.put("cpuMeasured", "1/1");
    given.put("neededVcpu", "2.288");
    given.put("awsInstanceTypes", "1x t3.medium");
    Map<String, String> sizing = mapping(given).sizing();
    TreeMap<String, String> expected = new TreeMap<>(given);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(sizing.keySet()));
    assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(sizing.values()));
    assertEquals(expected, sizing);
    assertEquals(sizing, expected);
    assertEquals(expected.hashCode(), sizing.hashCode());
    assertEquals(expected.toString(), sizing.toString());
    assertEquals("e2-standard-4", sizing.get("machineType"));
    assertTrue(sizing.containsKey("nodes"));
    assertNull(sizing.get("missing"));
    assertFalse(sizing.containsKey(42));
    List<String> seen = new ArrayList<>();
    sizing.forEach((k, v) -> seen.add(k + "=" + v));
    assertEquals(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), seen);
  }

  @Test
  void factsCannotChangeAfterwards() {
    Map<String, String> given = new HashMap<>(Map.of("b", "2", "a", "1"));
    Mapping m = mapping(given);
    given.put("c", "3");
    assertEquals(Map.of("a", "1", "b", "2"), m.sizing());
    assertThrows(UnsupportedOperationException.class, () -> m.sizing().put("d", "4"));
    assertThrows(UnsupportedOperationException.class, () -> m.sizing().entrySet().clear());
    assertThrows(UnsupportedOperationException.class, () -> m.sizing().keySet().remove("a"));
  }

  @Test
  void aMappingMadeFromAnotherSharesItsFactsAndNoneIsEmpty() {
    Mapping m = mapping(new TreeMap<>(Map.of("a", "1")));
    Mapping copy = new Mapping(m.itemId(), m.kind(), m.itemName(), m.awsRegion(), m.target(), m.ruleId(), m.reason(),
        m.effort(), m.blockers(), m.warnings(), m.sizing(), m.tier());
    assertSame(m.sizing(), copy.sizing());
    assertEquals(m, copy);
    assertTrue(mapping(null).sizing().isEmpty());
    assertEquals(Map.of(), mapping(Map.of()).sizing());
  }
}
