package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param id    12-digit AWS account id
 * @param alias IAM account alias, or null when the account has none or it was not readable
 */
public record Account(@JsonProperty(required = true) String id, String alias) {
  public Account {
    Objects.requireNonNull(id, "id");
  }
}
