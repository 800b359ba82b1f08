package dev.migrate.pricing;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.billing.v1.CloudCatalogClient;
import com.google.cloud.billing.v1.CloudCatalogSettings;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesSettings;
import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * Builds the live price API clients. With an endpoint override (tests, proxies) the clients
 * send no credentials; otherwise they use the default AWS credential chain and Google
 * Application Default Credentials. The AWS Price List API lives in us-east-1.
 */
public final class PriceSources {
  private PriceSources() {}

  public static PricingClient aws(URI endpoint) {
    var b = PricingClient.builder().region(Region.US_EAST_1);
    if (endpoint != null) {
      b.endpointOverride(endpoint).credentialsProvider(AnonymousCredentialsProvider.create());
    }
    return b.build();
  }

  /** Cloud Billing Catalog over HTTP/JSON (REST); {@code endpoint} like {@code http://localhost:8080}. */
  public static CloudCatalogClient catalog(String endpoint) throws IOException {
    var b = CloudCatalogSettings.newHttpJsonBuilder();
    if (endpoint != null) {
      b.setEndpoint(endpoint).setCredentialsProvider(NoCredentialsProvider.create());
    }
    return CloudCatalogClient.create(b.build());
  }

  /** Compute Engine machine types (REST). */
  public static MachineTypesClient compute(String endpoint) throws IOException {
    var b = MachineTypesSettings.newBuilder();
    if (endpoint != null) {
      b.setEndpoint(endpoint).setCredentialsProvider(NoCredentialsProvider.create());
    }
    return MachineTypesClient.create(b.build());
  }
}
