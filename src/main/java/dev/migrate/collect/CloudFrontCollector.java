package dev.migrate.collect;

import dev.migrate.inventory.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.LoggingConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.Tag;

/**
 * CloudFront distributions (global). The list gives origins, behaviours, price class and
 * aliases; the logging configuration is only in the distribution config (one call each).
 */
final class CloudFrontCollector {
  static final List<String> ACTIONS = List.of(
      "cloudfront:ListDistributions", "cloudfront:GetDistributionConfig", "cloudfront:ListTagsForResource");
  /**
   * ListDistributions MaxItems: "The maximum and default values are both 100" (CloudFront API
   * reference, ListDistributions); asking for more risks an InvalidArgument error.
   */
  static final int PAGE = 100;

  private CloudFrontCollector() {}

  static int collect(CloudFrontClient cf, boolean redact, Sink sink, Fanout fanout) {
    List<DistributionSummary> all = new ArrayList<>();
    // Marker pagination: NextMarker is set while IsTruncated is true.
    String marker = null;
    do {
      String m = marker;
      var list = cf.listDistributions(r -> r.maxItems(String.valueOf(PAGE)).marker(m)).distributionList();
      if (list == null) {
        break;
      }
      all.addAll(list.items());
      marker = Boolean.TRUE.equals(list.isTruncated()) ? list.nextMarker() : null;
    } while (marker != null && !marker.isEmpty());
    Attempt configCall = new Attempt(sink, "cloudfront", "global", "distribution logging configuration");
    Attempt tagCall = new Attempt(sink, "cloudfront", "global", "distribution tags");
    fanout.map(all, d -> {
      LoggingConfig logging = configCall.get(d.id(),
          () -> cf.getDistributionConfig(r -> r.id(d.id())).distributionConfig().logging(), null);
      var tags = tagCall.get(d.id(), () -> Tags.of(cf.listTagsForResource(r -> r.resource(d.arn())).tags().items(),
          Tag::key, Tag::value, redact), java.util.Map.<String, String>of());
      sink.distributions.add(toDistribution(d, logging, tags));
      return d.id();
    });
    return all.size();
  }

  private static Distribution toDistribution(DistributionSummary d, LoggingConfig logging,
      java.util.Map<String, String> tags) {
    List<String> aliases = new ArrayList<>(d.aliases() == null ? List.of() : d.aliases().items());
    aliases.sort(null);
    List<Distribution.Origin> origins = new ArrayList<>();
    if (d.origins() != null) {
      for (Origin o : d.origins().items()) {
        origins.add(new Distribution.Origin(o.id(), o.domainName(), originKind(o), blankToNull(o.originPath())));
      }
    }
    origins.sort(Comparator.comparing(Distribution.Origin::id));
    DefaultCacheBehavior db = d.defaultCacheBehavior();
    boolean fle = db.fieldLevelEncryptionId() != null && !db.fieldLevelEncryptionId().isBlank();
    Distribution.CacheBehavior def = new Distribution.CacheBehavior("*", db.targetOriginId(),
        db.viewerProtocolPolicyAsString(), db.cachePolicyId(),
        signed(db.trustedSigners(), db.trustedKeyGroups()),
        functions(db.lambdaFunctionAssociations(), db.functionAssociations()));
    List<Distribution.CacheBehavior> others = new ArrayList<>();
    if (d.cacheBehaviors() != null) {
      for (CacheBehavior b : d.cacheBehaviors().items()) {
        fle |= b.fieldLevelEncryptionId() != null && !b.fieldLevelEncryptionId().isBlank();
        others.add(new Distribution.CacheBehavior(b.pathPattern(), b.targetOriginId(),
            b.viewerProtocolPolicyAsString(), b.cachePolicyId(), signed(b.trustedSigners(), b.trustedKeyGroups()),
            functions(b.lambdaFunctionAssociations(), b.functionAssociations())));
      }
    }
    String geo = "none";
    List<String> locations = new ArrayList<>();
    if (d.restrictions() != null && d.restrictions().geoRestriction() != null) {
      geo = d.restrictions().geoRestriction().restrictionTypeAsString();
      locations.addAll(d.restrictions().geoRestriction().items());
      locations.sort(null);
    }
    Distribution.Logging log = logging == null ? null
        : new Distribution.Logging(Boolean.TRUE.equals(logging.enabled()), blankToNull(logging.bucket()),
            blankToNull(logging.prefix()));
    return new Distribution(d.id(), d.domainName(), aliases, Boolean.TRUE.equals(d.enabled()),
        d.priceClassAsString() == null ? "PriceClass_All" : d.priceClassAsString(), d.httpVersionAsString(),
        origins, def, others, log, blankToNull(d.webACLId()), geo, locations, fle, tags);
  }

  static String originKind(Origin o) {
    String host = o.domainName().toLowerCase(Locale.ROOT);
    if (o.s3OriginConfig() != null || host.endsWith(".amazonaws.com") && host.contains(".s3")) {
      return "s3";
    }
    if (host.endsWith(".elb.amazonaws.com")) {
      return "elb";
    }
    if (host.contains(".mediastore.")) {
      return "mediastore";
    }
    return "custom";
  }

  private static boolean signed(software.amazon.awssdk.services.cloudfront.model.TrustedSigners ts,
      software.amazon.awssdk.services.cloudfront.model.TrustedKeyGroups kg) {
    return ts != null && Boolean.TRUE.equals(ts.enabled()) || kg != null && Boolean.TRUE.equals(kg.enabled());
  }

  private static List<Distribution.EdgeFunction> functions(LambdaFunctionAssociations lambdas, FunctionAssociations fns) {
    List<Distribution.EdgeFunction> out = new ArrayList<>();
    if (lambdas != null) {
      lambdas.items().forEach(l -> out.add(new Distribution.EdgeFunction("lambda-edge", l.eventTypeAsString(),
          l.lambdaFunctionARN())));
    }
    if (fns != null) {
      fns.items().forEach(f -> out.add(new Distribution.EdgeFunction("cloudfront-function", f.eventTypeAsString(),
          f.functionARN())));
    }
    out.sort(Comparator.comparing(Distribution.EdgeFunction::eventType).thenComparing(Distribution.EdgeFunction::arn));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
