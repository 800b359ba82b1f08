package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.plan.Effort;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per shipped rule: the item of the small estate it must win for, and what the target must be. */
class ShippedRulesTest {
  private static final RuleSet RULES = RuleLoader.builtIn();
  private static final MigrationPlan PLAN = new RuleEngine(RULES).plan(TestEstate.small(), PlanOptions.DEFAULTS);
  /** The database and cache rules' items live in their own estate. */
  private static final MigrationPlan DB_PLAN = new RuleEngine(RULES).plan(TestEstate.databases(), PlanOptions.DEFAULTS);

  static Stream<Arguments> cases() {
    return Stream.concat(dbCases(), Stream.of(
        c("asg-empty", "empty-asg", m -> assertInstanceOf(Target.Retire.class, m.target())),
        c("asg-cache", "redis-asg", m -> {
          Target.GkeWorkload w = (Target.GkeWorkload) m.target();
          assertEquals("StatefulSet", w.workloadKind());
          assertTrue(w.alternative().startsWith("Memorystore for Redis"), w.alternative());
        }),
        c("asg-cron", "nightly-asg", m -> assertEquals("CronJob", ((Target.GkeWorkload) m.target()).workloadKind())),
        c("asg-worker", "queue-workers", m -> {
          Target.GkeWorkload w = (Target.GkeWorkload) m.target();
          assertEquals("Deployment", w.workloadKind());
          assertEquals(2, w.replicas());
          assertEquals("2/2", m.sizing().get("memoryMeasured"));
        }),
        c("asg-web-behind-lb", "web-asg", m -> {
          Target.GkeWorkload w = (Target.GkeWorkload) m.target();
          assertEquals("Deployment", w.workloadKind());
          assertEquals("web", w.workloadName());
          assertEquals(3, w.replicas());
          assertTrue(w.nodeCount() >= 3, "HA minimum of 3 nodes for 3 replicas");
          assertTrue(m.warnings().contains("memory not measured (no CloudWatch agent): sized as-is"));
        }),
        c("asg-other", "misc-asg", m -> assertEquals("Deployment", ((Target.GkeWorkload) m.target()).workloadKind())),
        c("ec2-terminated", "i-gone1", m -> assertNull(((Target.Retire) m.target()).foldedInto())),
        c("ec2-asg-member", "i-web1", m -> assertEquals("web-asg", ((Target.Retire) m.target()).foldedInto())),
        c("ec2-stopped", "i-old1", m -> {
          Target.ComputeEngineVm vm = (Target.ComputeEngineVm) m.target();
          assertFalse(vm.running());
          assertEquals("as-is", m.sizing().get("strategy"));
        }),
        c("ec2-cache-host", "i-mc1", m -> {
          Target.GkeWorkload w = (Target.GkeWorkload) m.target();
          assertEquals("StatefulSet", w.workloadKind());
          assertTrue(w.alternative().startsWith("Memorystore for Memcached"), "port 11211 means memcached");
          assertTrue(w.machineType().startsWith("c4a-"), "Graviton host on an Arm node pool in Tokyo");
        }),
        c("ec2-cron-host", "i-cron1", m -> assertEquals("CronJob", ((Target.GkeWorkload) m.target()).workloadKind())),
        c("ec2-worker-host", "i-work1", m -> assertEquals("Deployment", ((Target.GkeWorkload) m.target()).workloadKind())),
        c("ec2-accelerated", "i-gpu1", m -> {
          assertEquals(1, m.blockers().size());
          assertEquals(Effort.REFACTOR, m.effort(), "a blocker raises the effort");
        }),
        c("ec2-database-host", "i-db1", m -> {
          assertEquals("n2-highmem-4", ((Target.ComputeEngineVm) m.target()).machineType(),
              "r5.xlarge at 30% CPU p95 and 70% memory p95 needs 1.56 vCPU and 26.9 GiB");
          assertTrue(m.warnings().stream().anyMatch(w -> w.contains("Cloud SQL")));
        }),
        c("ec2-windows", "i-win1", m -> {
          assertEquals("windows", ((Target.ComputeEngineVm) m.target()).os());
          assertTrue(m.warnings().stream().anyMatch(w -> w.contains("licence")));
        }),
        c("ec2-graviton", "i-arm1", m -> assertEquals("arm64", ((Target.ComputeEngineVm) m.target()).arch())),
        c("ec2-graviton", "i-arm2", m -> {
          assertEquals("x86_64", ((Target.ComputeEngineVm) m.target()).arch());
          assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("no Arm machine types (T2A/C4A) in asia-northeast2")));
        }),
        c("ec2-standalone", "i-api1", m -> {
          assertEquals("n2-standard-2", ((Target.ComputeEngineVm) m.target()).machineType(), "m5.xlarge at 12% CPU p95");
          assertEquals(Effort.REHOST, m.effort());
        }),
        c("ebs-fleet-member", "vol-web1", m -> assertEquals("web-asg", ((Target.Retire) m.target()).foldedInto())),
        c("ebs-stateful-data", "vol-r1data", m -> assertEquals(100, ((Target.PersistentDisk) m.target()).sizeGib())),
        c("ebs-stateful-root", "vol-r1root", m -> assertEquals("redis-asg", ((Target.Retire) m.target()).foldedInto())),
        c("ebs-retired-host", "vol-gone1", m -> assertNull(((Target.Retire) m.target()).foldedInto())),
        c("ebs-gp", "vol-spare", m -> {
          assertEquals("pd-balanced", ((Target.PersistentDisk) m.target()).diskType());
          assertTrue(m.warnings().get(0).startsWith("unattached volume"));
        }),
        c("ebs-io1", "vol-api-db", m -> assertEquals("pd-ssd", ((Target.PersistentDisk) m.target()).diskType())),
        c("ebs-io2", "vol-api-fast", m -> assertEquals(16000, ((Target.PersistentDisk) m.target()).iops())),
        c("ebs-hdd", "vol-old1", m -> assertEquals("pd-standard", ((Target.PersistentDisk) m.target()).diskType())),
        c("s3-bucket", "archive", m -> {
          Target.CloudStorage cs = (Target.CloudStorage) m.target();
          Map<String, String> classes = cs.classes().stream().collect(Collectors.toMap(Target.ClassMapping::awsClass,
              Target.ClassMapping::gcsClass));
          assertEquals(Map.of("GLACIER", "COLDLINE", "DEEP_ARCHIVE", "ARCHIVE", "GLACIER_IR", "COLDLINE"), classes);
          assertEquals("2510", m.sizing().get("oneOffTransferGib"));
        }),
        c("s3-bucket", "logs", m -> assertEquals("NEARLINE", ((Target.CloudStorage) m.target()).classes().stream()
            .filter(x -> x.awsClass().equals("ONEZONE_IA")).findFirst().orElseThrow().gcsClass())),
        c("lb-internal-http", "internal-alb", m -> assertEquals("internal-application", lb(m).lbType())),
        c("lb-internal-nlb", "internal-nlb", m -> {
          assertEquals("internal-passthrough-network", lb(m).lbType());
          assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("TLS listener")));
        }),
        c("lb-alb", "web-alb", m -> {
          assertEquals("global-external-application", lb(m).lbType());
          assertEquals("global", lb(m).gcpRegion());
          assertTrue(lb(m).gkeIngress());
          assertEquals(2, lb(m).forwardingRules());
        }),
        c("lb-classic", "api-elb", m -> {
          assertEquals("global-external-application", lb(m).lbType());
          assertFalse(lb(m).gkeIngress(), "its backend is a Compute Engine VM");
        }),
        c("lb-nlb", "mc-nlb", m -> assertEquals("external-passthrough-network", lb(m).lbType())),
        c("cf-disabled", "E2OFF", m -> assertInstanceOf(Target.Retire.class, m.target())),
        c("cf-cdn", "E1EDGE", m -> {
          Target.CloudCdn cdn = (Target.CloudCdn) m.target();
          assertTrue(cdn.cloudArmor());
          assertEquals("backend-service:web-alb", cdn.backend());
          assertEquals(2, m.blockers().size(), "Lambda@Edge and field-level encryption");
          assertEquals(Effort.REFACTOR, m.effort());
        }),
        c("cf-cdn", "E3ASSETS", m -> {
          Target.CloudCdn cdn = (Target.CloudCdn) m.target();
          assertFalse(cdn.cloudArmor());
          assertEquals("backend-bucket:assets", cdn.backend());
          assertTrue(m.blockers().isEmpty());
        })));
  }

  static Stream<Arguments> dbCases() {
    return Stream.of(
        c("rds-oracle", "billing-oracle", m -> {
          assertInstanceOf(Target.ComputeEngineVm.class, m.target());
          assertEquals("db", m.tier());
          assertTrue(m.blockers().get(0).contains("Bare Metal Solution"), m.blockers().toString());
          assertEquals(Effort.REFACTOR, m.effort());
        }),
        c("rds-db2", "ledger-db2", m -> assertInstanceOf(Target.ComputeEngineVm.class, m.target())),
        c("rds-mariadb", "wiki-mariadb", m -> {
          assertEquals("mysql", ((Target.CloudSql) m.target()).engine());
          assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("MariaDB -> Cloud SQL for MySQL")));
        }),
        c("rds-sqlserver", "erp-sqlserver", m -> {
          Target.CloudSql t = (Target.CloudSql) m.target();
          assertEquals("sqlserver", t.engine());
          assertTrue(t.highAvailability(), "Multi-AZ becomes HA");
        }),
        c("rds-mysql-postgres", "reporting-pg", m -> assertEquals("postgres", ((Target.CloudSql) m.target()).engine())),
        c("aurora-postgresql-cloud-sql", "audit-apg", m -> assertEquals("postgres", ((Target.CloudSql) m.target()).engine())),
        c("aurora-postgresql-alloydb", "payments-apg", m -> assertInstanceOf(Target.AlloyDb.class, m.target())),
        c("aurora-mysql", "shop-aurora", m -> {
          assertEquals("enterprise-plus", ((Target.CloudSql) m.target()).edition());
          assertTrue(m.blockers().stream().anyMatch(b -> b.startsWith("Aurora Global Database global-shop")));
        }),
        c("elasticache-redis-large", "big-redis", m -> assertEquals("redis-cluster", ((Target.Memorystore) m.target()).engine())),
        c("elasticache-redis-valkey", "sessions-redis", m -> {
          Target.Memorystore t = (Target.Memorystore) m.target();
          assertEquals("redis", t.engine());
          assertEquals("standard", t.tier());
        }),
        c("elasticache-memcached", "pages-memcached", m -> assertEquals("memcached", ((Target.Memorystore) m.target()).engine())));
  }

  private static Target.CloudLoadBalancer lb(Mapping m) {
    return (Target.CloudLoadBalancer) m.target();
  }

  private static Arguments c(String rule, String item, Consumer<Mapping> check) {
    return Arguments.of(rule, item, check);
  }

  @ParameterizedTest(name = "{0} maps {1}")
  @MethodSource("cases")
  void shippedRuleMapsItsItem(String rule, String item, Consumer<Mapping> check) {
    Mapping m = Stream.concat(PLAN.mappings().stream(), DB_PLAN.mappings().stream())
        .filter(x -> x.itemId().equals(item) || item.equals(x.itemName()))
        .findFirst().orElseThrow(() -> new AssertionError(item + " not mapped; unmapped: " + PLAN.unmapped()));
    assertEquals(rule, m.ruleId(), m.reason());
    check.accept(m);
  }

  @Test
  void everyShippedRuleHasACase() {
    Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> shipped = RULES.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(shipped, tested);
  }

  @Test
  void shippedRulesValidate() {
    assertEquals(4, RULES.files().size());
    assertTrue(RULES.rules().size() >= 30);
  }
}
