package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published JSON Schema and the records agree: what the code writes, the schema accepts. */
class SnapshotSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchema schema() throws Exception {
    try (InputStream in = SnapshotSchemaTest.class.getResourceAsStream("/schema/snapshot-v1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void whatTheCodeWritesTheSchemaAccepts() throws Exception {
    JsonNode node = JSON.readTree(SnapshotJson.toJson(Snapshots.small()));
    Set<ValidationMessage> errors = schema().validate(node);
    assertEquals(Set.of(), errors);
  }

  @Test
  void theBundledSampleMatchesTheSchema() throws Exception {
    Path sample = Path.of("sample-data/tableapp/snapshot.json");
    Set<ValidationMessage> errors = schema().validate(JSON.readTree(sample.toFile()));
    assertEquals(Set.of(), errors);
  }

  @Test
  void theSchemaRejectsAnUnknownVersionAndAMissingField() throws Exception {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(SnapshotJson.toJson(Snapshots.small()));
    node.put("schema", "migrate.snapshot/v2");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("instances").get(0)).remove("instanceType");
    Set<ValidationMessage> errors = schema().validate(node);
    assertFalse(errors.isEmpty());
    assertEquals(2, errors.size(), errors.toString());
  }
}
