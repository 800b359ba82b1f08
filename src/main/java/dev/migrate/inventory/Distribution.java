package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudFront distribution (a global resource; CloudFront metrics live in us-east-1).
 *
 * @param id                    distribution id
 * @param domainName            {@code dxxxx.cloudfront.net}
 * @param aliases               alternate domain names (CNAMEs), sorted
 * @param enabled               whether it serves traffic
 * @param priceClass            PriceClass_All, PriceClass_200 or PriceClass_100
 * @param httpVersion           http1.1, http2, http2and3, http3
 * @param origins               origins, sorted by id
 * @param defaultBehavior       the default cache behaviour (path pattern {@code *})
 * @param cacheBehaviors        the other cache behaviours in precedence order
 * @param logging               standard access-log configuration
 * @param webAclId              AWS WAF web ACL id or ARN, or null
 * @param geoRestriction        none, whitelist or blacklist
 * @param geoLocations          countries the geo restriction names, sorted
 * @param fieldLevelEncryption  whether any behaviour uses field-level encryption
 * @param tags                  tags, sorted by key
 */
public record Distribution(
    @JsonProperty(required = true) String id,
    String domainName,
    List<String> aliases,
    boolean enabled,
    @JsonProperty(required = true) String priceClass,
    String httpVersion,
    List<Origin> origins,
    @JsonProperty(required = true) CacheBehavior defaultBehavior,
    List<CacheBehavior> cacheBehaviors,
    Logging logging,
    String webAclId,
    String geoRestriction,
    List<String> geoLocations,
    boolean fieldLevelEncryption,
    Map<String, String> tags) {

  public Distribution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(priceClass, "priceClass");
    Objects.requireNonNull(defaultBehavior, "defaultBehavior");
    aliases = Lists.copy(aliases);
    origins = Lists.copy(origins);
    cacheBehaviors = Lists.copy(cacheBehaviors);
    logging = logging == null ? Logging.OFF : logging;
    geoRestriction = geoRestriction == null ? "none" : geoRestriction;
    geoLocations = Lists.copy(geoLocations);
    tags = Lists.sorted(tags);
  }

  /** The default behaviour followed by the others. */
  public List<CacheBehavior> allBehaviors() {
    var all = new java.util.ArrayList<CacheBehavior>();
    all.add(defaultBehavior);
    all.addAll(cacheBehaviors);
    return List.copyOf(all);
  }

  /**
   * @param id          origin id within the distribution
   * @param domainName  origin host name
   * @param kind        s3, elb (an ELB/ALB DNS name), mediastore or custom
   * @param originPath  path prefix, or null
   */
  public record Origin(
      @JsonProperty(required = true) String id,
      @JsonProperty(required = true) String domainName,
      @JsonProperty(required = true) String kind,
      String originPath) {
    public Origin {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(domainName, "domainName");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * @param pathPattern           {@code *} for the default behaviour
   * @param targetOriginId        origin it forwards to
   * @param viewerProtocolPolicy  allow-all, redirect-to-https, https-only
   * @param cachePolicyId         managed or custom cache policy, or null (legacy settings)
   * @param signedUrls            whether trusted signers or key groups restrict access
   * @param functions             Lambda@Edge and CloudFront Functions associations
   */
  public record CacheBehavior(
      @JsonProperty(required = true) String pathPattern,
      @JsonProperty(required = true) String targetOriginId,
      String viewerProtocolPolicy,
      String cachePolicyId,
      boolean signedUrls,
      List<EdgeFunction> functions) {
    public CacheBehavior {
      Objects.requireNonNull(pathPattern, "pathPattern");
      Objects.requireNonNull(targetOriginId, "targetOriginId");
      functions = Lists.copy(functions);
    }
  }

  /**
   * @param kind       {@code lambda-edge} or {@code cloudfront-function}
   * @param eventType  viewer-request, viewer-response, origin-request, origin-response
   * @param arn        function ARN
   */
  public record EdgeFunction(
      @JsonProperty(required = true) String kind,
      @JsonProperty(required = true) String eventType,
      @JsonProperty(required = true) String arn) {
    public EdgeFunction {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(eventType, "eventType");
      Objects.requireNonNull(arn, "arn");
    }
  }

  /** @param enabled whether standard logs are written; bucket and prefix where they go */
  public record Logging(boolean enabled, String bucket, String prefix) {
    public static final Logging OFF = new Logging(false, null, null);
  }
}
