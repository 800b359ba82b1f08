package dev.migrate.rules;

import dev.migrate.io.Echo;
import dev.migrate.io.Fields;
import dev.migrate.io.InputError;
import dev.migrate.io.Position;
import dev.migrate.io.Yaml;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads and validates rule files. Every problem of every file is collected before anything
 * fails; a {@link RulesException} then carries them all as {@code file:line:col: message}.
 */
public final class RuleLoader {
  /** The only rule format this code reads. */
  public static final String API_VERSION = "migrate.rules/v1";
  /** Where the shipped rules live on the classpath (the pom copies the top-level rules/*.yaml there). */
  public static final String BUILT_IN_DIR = "rules";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  /** Largest priority either way: room for any ordering people write, far inside an int. */
  static final int MAX_PRIORITY = 1_000_000_000;
  /**
   * Most rules in one set. The shipped set has a few dozen and a large estate's own rules a few
   * hundred; validation compares every pair, and 2,000 rules still validate in well under a second.
   */
  static final int MAX_RULES = 2_000;
  private static final List<String> FILE_FIELDS = List.of("apiVersion", "description", "rules");
  private static final List<String> RULE_FIELDS = List.of("id", "description", "priority", "match", "target", "sizing",
      "effort", "notes", "warnings", "blockers");
  private static final List<String> MATCH_FIELDS = List.of("kind", "tags", "all", "any");
  private static final List<String> CONDITION_FIELDS = List.of("attr", "op", "value");
  private static final List<String> SIZING_FIELDS = List.of("strategy", "percentile", "headroom", "memoryHeadroom",
      "minNodes", "series", "storageHeadroom");
  private static final List<String> GCS_CLASSES = List.of("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE");

  /** A parameter of a target type. */
  private record Param(String name, List<String> allowed, boolean bool, boolean required, boolean classMap) {
    static Param choice(String name, boolean required, String... allowed) {
      return new Param(name, List.of(allowed), false, required, false);
    }

    static Param text(String name) {
      return new Param(name, List.of(), false, false, false);
    }

    static Param flag(String name) {
      return new Param(name, List.of(), true, false, false);
    }
  }

  /** The tier a compute target plays (what-if selectors, client traffic); auto = from the target. */
  private static final Param APP_TIER = Param.choice("appTier", false, "auto", "web", "cache", "db", "batch");

  /** Target types and their parameters: the schema {@code rules/README.md} documents. */
  static final Map<String, List<Param>> TARGETS = targets();

  private static Map<String, List<Param>> targets() {
    Map<String, List<Param>> t = new LinkedHashMap<>();
    t.put("gke-workload", List.of(
        Param.choice("workloadKind", true, "Deployment", "StatefulSet", "CronJob", "DaemonSet"),
        Param.text("cluster"), Param.text("nodePool"), Param.flag("autopilot"),
        Param.choice("alternative", false, "none", "memorystore", "memorystore-redis", "memorystore-memcached"),
        APP_TIER));
    t.put("compute-engine", List.of(APP_TIER));
    t.put("persistent-disk", List.of(Param.choice("diskType", true, "pd-balanced", "pd-ssd", "pd-standard",
        "pd-extreme", "hyperdisk-balanced", "hyperdisk-extreme", "hyperdisk-throughput")));
    t.put("cloud-load-balancing", List.of(
        Param.choice("lbType", true, "global-external-application", "regional-external-application",
            "internal-application", "external-passthrough-network", "internal-passthrough-network",
            "external-proxy-network"),
        Param.choice("gkeIngress", false, "auto", "true", "false")));
    t.put("cloud-cdn", List.of(Param.choice("cacheMode", false, "CACHE_ALL_STATIC", "USE_ORIGIN_HEADERS",
        "FORCE_CACHE_ALL")));
    t.put("cloud-storage", List.of(Param.choice("location", false, "region", "dual-region", "multi-region"),
        new Param("classMap", GCS_CLASSES, false, false, true)));
    t.put("memorystore", List.of(Param.choice("engine", false, "auto", "redis", "redis-cluster", "valkey", "memcached"),
        Param.choice("tier", false, "auto", "basic", "standard")));
    t.put("cloud-sql", List.of(Param.choice("engine", false, "auto", "mysql", "postgres", "sqlserver"),
        Param.choice("edition", false, "enterprise", "enterprise-plus"),
        Param.choice("storageType", false, "ssd", "hdd"),
        Param.choice("highAvailability", false, "auto", "true", "false")));
    t.put("alloydb", List.of(Param.choice("highAvailability", false, "auto", "true", "false"),
        Param.choice("readPool", false, "auto", "none")));
    t.put("retire", List.of(Param.choice("foldInto", false, "none", "auto-scaling-group", "host")));
    return java.util.Collections.unmodifiableMap(t);
  }

  /** One rule file's name (as errors should show it) and text. */
  public record Source(String name, String text) {}

  private RuleLoader() {}

  /** The shipped rule set. */
  public static RuleSet builtIn() {
    return load(builtInSources(), "built-in");
  }

  /** Reads every {@code *.yaml} / {@code *.yml} file of a directory (not recursive), sorted by name. */
  public static List<Source> directory(Path dir) {
    List<Source> out = new ArrayList<>();
    List<InputError> unreadable = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
      }).sorted().toList();
      for (Path p : sorted) {
        String text = Yaml.readFile(p, "rule file", unreadable);
        if (text != null) {
          out.add(new Source(p.toString(), text));
        }
      }
    } catch (NoSuchFileException e) {
      throw new RulesException(List.of(new InputError(dir.toString(), 0, 0, "no such directory")));
    } catch (NotDirectoryException e) {
      throw new RulesException(List.of(new InputError(dir.toString(), 0, 0, "not a directory; give a directory of *.yaml rule files")));
    } catch (IOException e) {
      throw new RulesException(List.of(new InputError(dir.toString(), 0, 0, "cannot read: " + Echo.clip(String.valueOf(e.getMessage())))));
    }
    if (!unreadable.isEmpty()) {
      throw new RulesException(unreadable);
    }
    if (out.isEmpty()) {
      throw new RulesException(List.of(new InputError(dir.toString(), 0, 0, "no *.yaml rule files in this directory")));
    }
    return out;
  }

  /** Validated rules of a directory. */
  public static RuleSet fromDirectory(Path dir) {
    return load(directory(dir), dir.toString());
  }

  /**
   * The shipped rules extended by (or, with {@code replace}, replaced by) a user's directory.
   * When extending, a user rule with the id of a shipped rule replaces that rule.
   */
  public static RuleSet withUserRules(Path dir, boolean replace) {
    if (dir == null) {
      return builtIn();
    }
    if (replace) {
      return fromDirectory(dir);
    }
    return combine(builtIn(), fromDirectory(dir));
  }

  /** Loads and validates sources as one set; {@code origin} names it in the plan. */
  public static RuleSet load(List<Source> sources, String origin) {
    List<InputError> errors = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (Source s : sources) {
      readFile(s, rules, errors);
    }
    if (rules.size() > MAX_RULES) {
      // checked before the pairwise shadowing check, whose time grows with the square of the count
      Rule first = rules.get(MAX_RULES);
      errors.add(new InputError(first.file(), first.line(), first.column(), "too many rules: " + rules.size()
          + " in all, at most " + MAX_RULES + " (this is rule " + (MAX_RULES + 1) + "); merge rules that share a target"));
      throw new RulesException(errors);
    }
    Map<String, Rule> seen = new HashMap<>();
    for (Rule r : rules) {
      Rule first = seen.putIfAbsent(r.id(), r);
      if (first != null) {
        errors.add(new InputError(r.file(), r.line(), r.column(),
            "duplicate rule id " + Echo.quote(r.id()) + ": also defined at " + first.location()));
      }
    }
    errors.addAll(unreachable(rules));
    if (!errors.isEmpty()) {
      throw new RulesException(errors);
    }
    return new RuleSet(rules, origin, sources.stream().map(Source::name).toList());
  }

  /** Shipped rules plus user rules; a user rule replaces a shipped rule with the same id. */
  public static RuleSet combine(RuleSet base, RuleSet user) {
    Set<String> userIds = user.rules().stream().map(Rule::id).collect(Collectors.toSet());
    List<Rule> merged = new ArrayList<>();
    for (Rule r : base.rules()) {
      if (!userIds.contains(r.id())) {
        merged.add(r.withOrder(merged.size()));
      }
    }
    for (Rule r : user.rules()) {
      merged.add(r.withOrder(merged.size()));
    }
    List<InputError> errors = unreachable(merged);
    if (!errors.isEmpty()) {
      throw new RulesException(errors);
    }
    List<String> files = new ArrayList<>(base.files());
    files.addAll(user.files());
    return new RuleSet(merged, base.origin() + " + " + user.origin(), files);
  }

  /** The built-in sources, read from the classpath directory {@code rules/} (a folder or a jar). */
  static List<Source> builtInSources() {
    URL url = RuleLoader.class.getClassLoader().getResource(BUILT_IN_DIR);
    if (url == null) {
      throw new IllegalStateException("the shipped rules are missing from the classpath (" + BUILT_IN_DIR + "/)");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return named(fs.getPath(BUILT_IN_DIR));
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          // someone else has the jar open as a file system: read through theirs, leave it open
          return named(FileSystems.getFileSystem(uri).getPath(BUILT_IN_DIR));
        }
      }
      return named(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the shipped rules at " + url, e);
    }
  }

  private static List<Source> named(Path dir) throws IOException {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted(
          (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          out.add(new Source(BUILT_IN_DIR + "/" + p.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  // ---- one file ----

  private static void readFile(Source s, List<Rule> rules, List<InputError> errors) {
    Yaml.Node root;
    try {
      root = Yaml.parse(s.name(), s.text(), "rule file", errors);
    } catch (Yaml.SyntaxError e) {
      errors.add(e.error());
      return;
    }
    if (root == null) {
      errors.add(new InputError(s.name(), 1, 1, "empty file: a rule file holds 'apiVersion' and 'rules'"));
      return;
    }
    if (!(root instanceof Yaml.MapNode file)) {
      errors.add(root.pos().error("a rule file is a mapping with 'apiVersion' and 'rules', found " + root.describe()));
      return;
    }
    new Fields(errors).unknown(file, "rule file", FILE_FIELDS);
    Yaml.Entry api = file.entries().get("apiVersion");
    if (api == null) {
      errors.add(file.pos().error("missing field 'apiVersion' (expected " + Echo.quote(API_VERSION) + ")"));
    } else if (!(api.value() instanceof Yaml.Scalar sc && API_VERSION.equals(sc.text()))) {
      errors.add(api.value().pos().error("unsupported apiVersion " + quoted(api.value())
          + " (this version of migrate reads " + Echo.quote(API_VERSION) + ")"));
    }
    new Fields(errors).string(file, "description");
    Yaml.Entry list = file.entries().get("rules");
    if (list == null) {
      errors.add(file.pos().error("missing field 'rules' (a list of rules)"));
      return;
    }
    if (!(list.value() instanceof Yaml.ListNode items)) {
      errors.add(list.value().pos().error("'rules' must be a list of rules, found " + list.value().describe()));
      return;
    }
    for (Yaml.Node n : items.items()) {
      Rule r = readRule(n, rules.size(), errors);
      if (r != null) {
        rules.add(r);
      }
    }
  }

  private static Rule readRule(Yaml.Node n, int order, List<InputError> errors) {
    if (!(n instanceof Yaml.MapNode m)) {
      errors.add(n.pos().error("a rule is a mapping with id, match, target and effort, found " + n.describe()));
      return null;
    }
    Fields fields = new Fields(errors);
    int before = errors.size();
    fields.unknown(m, "rule", RULE_FIELDS);
    String id = fields.requiredString(m, "id", "rule");
    if (id != null && !ID.matcher(id).matches()) {
      errors.add(m.entries().get("id").value().pos().error("rule id " + Echo.quote(id)
          + " must be lower case letters, digits, '-' and '.', starting with a letter or digit"));
    }
    String description = fields.string(m, "description");
    int priority = 0;
    Yaml.Entry p = m.entries().get("priority");
    if (p != null) {
      java.util.Optional<Long> whole = p.value() instanceof Yaml.Scalar sc && sc.isNumber() ? sc.whole()
          : java.util.Optional.empty();
      if (whole.isPresent() && Math.abs(whole.get()) <= MAX_PRIORITY) {
        priority = whole.get().intValue();
      } else {
        errors.add(p.value().pos().error("'priority' must be a whole number from " + -MAX_PRIORITY + " to " + MAX_PRIORITY
            + " (higher wins), found " + p.value().describe()));
      }
    }
    ItemKind kind = null;
    List<Condition> all = new ArrayList<>();
    List<Condition> any = new ArrayList<>();
    Yaml.Entry match = m.entries().get("match");
    if (match == null) {
      errors.add(m.pos().error("rule" + named(id) + " has no 'match'"));
    } else if (!(match.value() instanceof Yaml.MapNode mm)) {
      errors.add(match.value().pos().error("'match' must be a mapping with kind, tags, all, any; found " + match.value().describe()));
    } else {
      kind = readMatch(mm, all, any, errors);
    }
    Rule.TargetSpec target = null;
    Yaml.Entry t = m.entries().get("target");
    if (t == null) {
      errors.add(m.pos().error("rule" + named(id) + " has no 'target'"));
    } else {
      target = readTarget(t.value(), kind, errors);
    }
    Rule.Sizing sizing = Rule.Sizing.NONE;
    Yaml.Entry sz = m.entries().get("sizing");
    if (sz != null) {
      sizing = readSizing(sz.value(), errors);
    }
    Effort effort = null;
    Yaml.Entry e = m.entries().get("effort");
    if (e == null) {
      errors.add(m.pos().error("rule" + named(id) + " has no 'effort' (rehost, replatform or refactor)"));
    } else {
      String v = e.value() instanceof Yaml.Scalar sc && sc.isString() ? sc.text() : null;
      for (Effort x : Effort.values()) {
        if (x.wire().equals(v)) {
          effort = x;
        }
      }
      if (effort == null) {
        errors.add(e.value().pos().error("unknown effort " + quoted(e.value()) + "; expected rehost, replatform or refactor"));
      }
    }
    String notes = fields.string(m, "notes");
    List<String> warnings = fields.stringList(m, "warnings");
    List<String> blockers = fields.stringList(m, "blockers");
    if (errors.size() > before || id == null) {
      return null;
    }
    Position pos = m.entries().get("id").value().pos();
    return new Rule(id, description == null ? "" : description, priority, kind, List.copyOf(all), List.copyOf(any),
        target, sizing, effort, notes, warnings, blockers, pos.source(), pos.line(), pos.column(), order);
  }

  private static ItemKind readMatch(Yaml.MapNode m, List<Condition> all, List<Condition> any, List<InputError> errors) {
    new Fields(errors).unknown(m, "match", MATCH_FIELDS);
    ItemKind kind = null;
    Yaml.Entry k = m.entries().get("kind");
    if (k == null) {
      errors.add(m.pos().error("'match' has no 'kind' (one of " + kinds() + ")"));
      return null;
    }
    String v = k.value() instanceof Yaml.Scalar sc && sc.isString() ? sc.text() : null;
    for (ItemKind x : ItemKind.values()) {
      if (x.wire().equals(v)) {
        kind = x;
      }
    }
    if (kind == null) {
      errors.add(k.value().pos().error("unknown kind " + quoted(k.value()) + "; expected one of " + kinds()));
      return null;
    }
    Yaml.Entry tags = m.entries().get("tags");
    if (tags != null) {
      if (!(tags.value() instanceof Yaml.MapNode tm)) {
        errors.add(tags.value().pos().error("'tags' must map tag keys to a value, a list of values or \"*\"; found "
            + tags.value().describe()));
      } else {
        for (Yaml.Entry te : tm.entries().values()) {
          Attributes.Attribute attr = Attributes.find(kind, "tag:" + te.key());
          Yaml.Node tv = te.value();
          if (tv instanceof Yaml.Scalar sc && sc.isString() && "*".equals(sc.text())) {
            all.add(new Condition(attr, Condition.Op.EXISTS, Boolean.TRUE, te.keyPos()));
          } else if (tv instanceof Yaml.Scalar sc && sc.isString()) {
            all.add(new Condition(attr, Condition.Op.EQ, sc.text(), te.keyPos()));
          } else if (tv instanceof Yaml.ListNode ln && !ln.items().isEmpty()
              && ln.items().stream().allMatch(x -> x instanceof Yaml.Scalar s2 && s2.isString())) {
            all.add(new Condition(attr, Condition.Op.IN,
                ln.items().stream().map(x -> ((Yaml.Scalar) x).text()).toList(), te.keyPos()));
          } else {
            errors.add(tv.pos().error("bad condition: tag '" + te.key()
                + "' must be a string, a non-empty list of strings or \"*\" (any value); found " + tv.describe()));
          }
        }
      }
    }
    readConditions(m, "all", kind, all, errors);
    readConditions(m, "any", kind, any, errors);
    return kind;
  }

  private static void readConditions(Yaml.MapNode m, String field, ItemKind kind, List<Condition> out,
      List<InputError> errors) {
    Yaml.Entry e = m.entries().get(field);
    if (e == null) {
      return;
    }
    if (!(e.value() instanceof Yaml.ListNode list)) {
      errors.add(e.value().pos().error(Echo.quote(field) + " must be a list of conditions {attr, op, value}; found "
          + e.value().describe()));
      return;
    }
    for (Yaml.Node n : list.items()) {
      Condition c = readCondition(n, kind, errors);
      if (c != null) {
        out.add(c);
      }
    }
  }

  /** A condition {attr, op, value}: its fields, then the attribute, the operator, and the value the operator needs. */
  private static Condition readCondition(Yaml.Node n, ItemKind kind, List<InputError> errors) {
    if (!(n instanceof Yaml.MapNode m)) {
      errors.add(n.pos().error("bad condition: expected a mapping {attr, op, value}, found " + n.describe()));
      return null;
    }
    Fields fields = new Fields(errors);
    int before = errors.size();
    fields.unknown(m, "condition", CONDITION_FIELDS);
    String attrName = fields.requiredString(m, "attr", "condition");
    String opName = fields.requiredString(m, "op", "condition");
    Yaml.Entry valueEntry = m.get("value");
    if (valueEntry == null) {
      errors.add(m.pos().error("bad condition: missing 'value'"));
    }
    if (errors.size() > before) {
      return null;
    }
    Attributes.Attribute attr = Attributes.find(kind, attrName);
    if (attr == null) {
      errors.add(m.get("attr").value().pos().error("bad condition: unknown attribute " + Echo.quote(attrName) + " for "
          + kind.wire() + "; known: " + Attributes.of(kind).stream().map(Attributes.Attribute::name)
          .collect(Collectors.joining(", ")) + ", tag:KEY"));
      return null;
    }
    Position opPos = m.get("op").value().pos();
    Condition.Op op = Condition.Op.fromWire(opName);
    if (op == null) {
      errors.add(opPos.error("bad condition: unknown operator " + Echo.quote(opName) + "; expected one of " + Condition.Op.names()));
      return null;
    }
    Operand operand = new Operand(attrName, attr.type(), opName, opPos, valueEntry.value(), errors);
    Object value = switch (op) {
      case EXISTS -> operand.exists();
      case EQ, NE -> operand.equality();
      case IN, NOT_IN, CONTAINS_ANY -> operand.oneOf(op == Condition.Op.CONTAINS_ANY);
      case LT, LE, GT, GE -> operand.comparison();
      case MATCHES -> operand.regex();
      case CONTAINS -> operand.element();
    };
    return value == null ? null : new Condition(attr, op, value, m.pos());
  }

  /**
   * The value of one condition as its operator needs it. Each reader returns the value, or null
   * after adding the error (an operator the attribute's type does not take, a value of the wrong type).
   */
  private record Operand(String attrName, Attributes.Type type, String opName, Position opPos, Yaml.Node node,
      List<InputError> errors) {
    /** "bad condition: ATTR (TYPE) OP ", the start of every message about this condition. */
    private String what() {
      return "bad condition: " + attrName + " (" + type.wire() + ") " + opName + " ";
    }

    private Object fail(Position at, String message) {
      errors.add(at.error(what() + message));
      return null;
    }

    private boolean listType() {
      return type == Attributes.Type.STRING_LIST || type == Attributes.Type.NUMBER_LIST;
    }

    /** exists: true or false. */
    Object exists() {
      Object value = scalar(node, Attributes.Type.BOOLEAN);
      return value != null ? value : fail(node.pos(), "needs true or false, found " + node.describe());
    }

    /** eq, ne: one value of the attribute's type; not on lists. */
    Object equality() {
      if (listType()) {
        return fail(opPos, "is not allowed on a list attribute; use contains or containsAny");
      }
      Object value = scalar(node, type);
      return value != null ? value : fail(node.pos(), "needs " + expected(type) + ", found " + node.describe());
    }

    /** in, notIn (single-valued attributes) and containsAny (list attributes): a non-empty list of values. */
    Object oneOf(boolean containsAny) {
      if (containsAny != listType() || type == Attributes.Type.BOOLEAN) {
        return fail(opPos, "is not allowed on " + type.wire() + " attributes"
            + (listType() ? "; use containsAny" : type == Attributes.Type.BOOLEAN ? "; use eq" : "; use in"));
      }
      Attributes.Type element = elementType(type);
      if (!(node instanceof Yaml.ListNode ln) || ln.items().isEmpty()) {
        return fail(node.pos(), "needs a non-empty list of " + expected(element) + ", found " + node.describe());
      }
      List<Object> values = new ArrayList<>();
      for (Yaml.Node item : ln.items()) {
        Object x = scalar(item, element);
        if (x == null) {
          return fail(item.pos(), "needs " + expected(element) + " in its list, found " + item.describe());
        }
        values.add(x);
      }
      return List.copyOf(values);
    }

    /** lt, le, gt, ge: numbers only. */
    Object comparison() {
      if (type != Attributes.Type.NUMBER) {
        return fail(opPos, "compares numbers; " + attrName + " is " + type.wire());
      }
      Object value = scalar(node, type);
      return value != null ? value : fail(node.pos(), "needs a number, found " + node.describe());
    }

    /** matches: a string attribute and an RE2 regular expression. */
    Object regex() {
      if (type != Attributes.Type.STRING) {
        return fail(opPos, "matches strings; " + attrName + " is " + type.wire());
      }
      Object value = scalar(node, Attributes.Type.STRING);
      if (value == null) {
        return fail(node.pos(), "needs a regular expression string, found " + node.describe());
      }
      try {
        com.google.re2j.Pattern.compile((String) value);
      } catch (com.google.re2j.PatternSyntaxException ex) {
        // RE2 syntax is what Java's engine accepts except lookaround, backreferences and possessive
        // quantifiers: the features that need backtracking (and so can take exponential time)
        return fail(node.pos(), "has an invalid regular expression: " + ex.getDescription()
            + (ex.getPattern() == null || ex.getPattern().isEmpty() ? "" : " at " + Echo.quote(ex.getPattern()))
            + (backtrackingOnly((String) value) ? " (rules use linear-time RE2 syntax: no lookahead, lookbehind, "
            + "backreferences or possessive quantifiers)" : ""));
      }
      return value;
    }

    /** contains: one element of a list attribute. */
    Object element() {
      if (!listType()) {
        return fail(opPos, "works on list attributes; " + attrName + " is " + type.wire() + ", use eq");
      }
      Object value = scalar(node, elementType(type));
      return value != null ? value : fail(node.pos(), "needs " + expected(elementType(type)) + ", found " + node.describe());
    }
  }

  /** True when only a backtracking engine (java.util.regex) understands the pattern. */
  private static boolean backtrackingOnly(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  private static Attributes.Type elementType(Attributes.Type t) {
    return switch (t) {
      case STRING_LIST -> Attributes.Type.STRING;
      case NUMBER_LIST -> Attributes.Type.NUMBER;
      default -> t;
    };
  }

  private static String expected(Attributes.Type t) {
    return switch (t) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      default -> "a list";
    };
  }

  /** The value of a scalar node as the type needs it, or null when it is not of that type. */
  private static Object scalar(Yaml.Node n, Attributes.Type type) {
    if (!(n instanceof Yaml.Scalar s)) {
      return null;
    }
    return switch (type) {
      case STRING -> s.isString() ? s.text() : null;
      case NUMBER -> s.isNumber() ? s.finiteDouble().orElse(null) : null;
      case BOOLEAN -> s.isBoolean() ? Boolean.valueOf(s.text()) : null;
      default -> null;
    };
  }

  private static Rule.TargetSpec readTarget(Yaml.Node n, ItemKind kind, List<InputError> errors) {
    if (!(n instanceof Yaml.MapNode m)) {
      errors.add(n.pos().error("'target' must be a mapping with 'type' and its parameters, found " + n.describe()));
      return null;
    }
    Yaml.Entry te = m.entries().get("type");
    if (te == null) {
      errors.add(m.pos().error("'target' has no 'type' (one of " + String.join(", ", TARGETS.keySet()) + ")"));
      return null;
    }
    String type = te.value() instanceof Yaml.Scalar sc && sc.isString() ? sc.text() : null;
    List<Param> params = type == null ? null : TARGETS.get(type);
    if (params == null) {
      errors.add(te.value().pos().error("unknown target type " + quoted(te.value()) + "; expected one of "
          + String.join(", ", TARGETS.keySet())));
      return null;
    }
    if (kind != null && !targetFits(type, kind)) {
      errors.add(te.value().pos().error("target type " + Echo.quote(type) + " cannot take a " + kind.wire()
          + "; it fits " + fits(type)));
    }
    List<String> allowed = new ArrayList<>();
    allowed.add("type");
    params.forEach(p -> allowed.add(p.name()));
    new Fields(errors).unknown(m, "target " + type, allowed);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : params) {
      Yaml.Entry e = m.entries().get(p.name());
      if (e == null) {
        if (p.required()) {
          errors.add(m.pos().error("target " + type + " needs " + Echo.quote(p.name())
              + (p.allowed().isEmpty() ? "" : " (one of " + String.join(", ", p.allowed()) + ")")));
        }
        continue;
      }
      Yaml.Node v = e.value();
      if (p.classMap()) {
        if (!(v instanceof Yaml.MapNode cm)) {
          errors.add(v.pos().error("'classMap' maps S3 storage classes to Cloud Storage classes, found " + v.describe()));
          continue;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Yaml.Entry ce : cm.entries().values()) {
          String gcs = ce.value() instanceof Yaml.Scalar s && s.isString() ? s.text() : null;
          if (!S3_CLASSES.contains(ce.key())) {
            errors.add(ce.keyPos().error("unknown S3 storage class " + Echo.quote(ce.key()) + "; expected one of "
                + String.join(", ", S3_CLASSES)));
          } else if (gcs == null || !GCS_CLASSES.contains(gcs)) {
            errors.add(ce.value().pos().error("unknown Cloud Storage class " + ce.value().describe() + "; expected one of "
                + String.join(", ", GCS_CLASSES)));
          } else {
            map.put(ce.key(), gcs);
          }
        }
        values.put(p.name(), Map.copyOf(map));
      } else if (p.bool()) {
        Object b = scalar(v, Attributes.Type.BOOLEAN);
        if (b == null) {
          errors.add(v.pos().error(Echo.quote(p.name()) + " must be true or false, found " + v.describe()));
        } else {
          values.put(p.name(), b);
        }
      } else {
        String s = v instanceof Yaml.Scalar sc && !sc.isNull() ? sc.text() : null;
        if (s == null || (!p.allowed().isEmpty() && !p.allowed().contains(s))) {
          errors.add(v.pos().error(Echo.quote(p.name()) + " must be " + (p.allowed().isEmpty() ? "a string"
              : "one of " + String.join(", ", p.allowed())) + ", found " + v.describe()));
        } else {
          values.put(p.name(), s);
        }
      }
    }
    return new Rule.TargetSpec(type, java.util.Collections.unmodifiableMap(values));
  }

  static final List<String> S3_CLASSES = List.of("STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
      "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE", "REDUCED_REDUNDANCY", "EXPRESS_ONEZONE");

  /** Which item kinds each target type can take. */
  static boolean targetFits(String type, ItemKind kind) {
    return switch (type) {
      case "gke-workload" -> kind == ItemKind.EC2_INSTANCE || kind == ItemKind.AUTO_SCALING_GROUP;
      case "memorystore" -> kind == ItemKind.EC2_INSTANCE || kind == ItemKind.AUTO_SCALING_GROUP
          || kind == ItemKind.ELASTICACHE_CLUSTER;
      case "compute-engine" -> kind == ItemKind.EC2_INSTANCE || kind == ItemKind.RDS_INSTANCE;
      case "cloud-sql" -> kind == ItemKind.RDS_INSTANCE || kind == ItemKind.AURORA_CLUSTER;
      case "alloydb" -> kind == ItemKind.AURORA_CLUSTER || kind == ItemKind.RDS_INSTANCE;
      case "persistent-disk" -> kind == ItemKind.EBS_VOLUME;
      case "cloud-load-balancing" -> kind == ItemKind.LOAD_BALANCER;
      case "cloud-cdn" -> kind == ItemKind.CLOUDFRONT_DISTRIBUTION;
      case "cloud-storage" -> kind == ItemKind.S3_BUCKET;
      default -> true;
    };
  }

  private static String fits(String type) {
    return Arrays.stream(ItemKind.values()).filter(k -> targetFits(type, k)).map(ItemKind::wire)
        .collect(Collectors.joining(", "));
  }

  private static Rule.Sizing readSizing(Yaml.Node n, List<InputError> errors) {
    if (!(n instanceof Yaml.MapNode m)) {
      errors.add(n.pos().error("'sizing' must be a mapping, found " + n.describe()));
      return Rule.Sizing.NONE;
    }
    new Fields(errors).unknown(m, "sizing", SIZING_FIELDS);
    String strategy = null;
    Yaml.Entry s = m.entries().get("strategy");
    if (s != null) {
      strategy = s.value() instanceof Yaml.Scalar sc && sc.isString() ? sc.text() : null;
      if (!"as-is".equals(strategy) && !"measured".equals(strategy)) {
        errors.add(s.value().pos().error("'strategy' must be as-is or measured, found " + s.value().describe()));
        strategy = null;
      }
    }
    Double percentile = number(m, "percentile", 0, 100, errors);
    if (percentile != null && percentile != 95 && percentile != 100) {
      errors.add(m.entries().get("percentile").value().pos().error(
          "'percentile' must be 95 or 100 (the snapshot keeps CPU p95 and maximum)"));
      percentile = null;
    }
    Double headroom = number(m, "headroom", 1, 5, errors);
    Double memoryHeadroom = number(m, "memoryHeadroom", 1, 5, errors);
    Double minNodes = number(m, "minNodes", 1, 100, errors);
    Double storageHeadroom = number(m, "storageHeadroom", 1, 5, errors);
    if (minNodes != null && minNodes != Math.rint(minNodes)) {
      errors.add(m.entries().get("minNodes").value().pos().error("'minNodes' must be a whole number"));
      minNodes = null;
    }
    List<String> series = new Fields(errors).stringList(m, "series");
    Yaml.Entry se = m.entries().get("series");
    if (se != null && se.value() instanceof Yaml.ListNode ln) {
      for (int i = 0; i < series.size() && i < ln.items().size(); i++) {
        if (!Catalog.SERIES.contains(series.get(i))) {
          errors.add(ln.items().get(i).pos().error("unknown Compute Engine series '" + series.get(i)
              + "'; the catalogue has " + String.join(", ", Catalog.SERIES)));
        }
      }
    }
    return new Rule.Sizing(strategy, percentile == null ? null : percentile.intValue(), headroom, memoryHeadroom,
        minNodes == null ? null : minNodes.intValue(), series, storageHeadroom);
  }

  private static Double number(Yaml.MapNode m, String field, double min, double max, List<InputError> errors) {
    Yaml.Entry e = m.entries().get(field);
    if (e == null) {
      return null;
    }
    Object v = scalar(e.value(), Attributes.Type.NUMBER);
    if (v == null || (Double) v < min || (Double) v > max) {
      errors.add(e.value().pos().error(Echo.quote(field) + " must be a number from " + Condition.show(min) + " to "
          + Condition.show(max) + ", found " + e.value().describe()));
      return null;
    }
    return (Double) v;
  }

  // ---- helpers ----

  /** 'text' for a string scalar, else what the node is. */
  private static String quoted(Yaml.Node n) {
    return n instanceof Yaml.Scalar s && s.isString() ? Echo.quote(s.text()) : n.describe();
  }

  private static String named(String id) {
    return id == null ? "" : " " + Echo.quote(id);
  }

  private static String kinds() {
    return Arrays.stream(ItemKind.values()).map(ItemKind::wire).collect(Collectors.joining(", "));
  }

  /**
   * Rules that can never win: another rule of the same kind outranks them and matches every
   * item they match, because its conditions are a subset of theirs. Catches the simple cases
   * (a catch-all above a specific rule, a copy with a lower priority); it does not reason
   * about ranges ({@code lt 40} vs {@code lt 50}).
   */
  static List<InputError> unreachable(List<Rule> rules) {
    // The condition keys of each rule are computed once: the pairwise check below runs n^2 times
    // (8,600 rules in one file took 74 s when each check rebuilt them).
    Map<Rule, Shape> shapes = new java.util.IdentityHashMap<>();
    Map<ItemKind, List<Rule>> byKind = new java.util.EnumMap<>(ItemKind.class);
    for (Rule r : rules) {
      shapes.put(r, new Shape(keys(r.all()), keys(r.any())));
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
    }
    List<InputError> errors = new ArrayList<>();
    for (Rule b : rules) {
      Shape sb = shapes.get(b);
      for (Rule a : byKind.get(b.kind())) {
        if (a == b || a.id().equals(b.id()) || !a.outranks(b)) {
          continue;
        }
        if (covers(shapes.get(a), sb)) {
          errors.add(new InputError(b.file(), b.line(), b.column(), "rule " + Echo.quote(b.id()) + " is unreachable: rule '"
              + a.id() + "' (" + a.location() + ", priority " + a.priority() + ") matches every " + b.kind().wire()
              + " it matches and wins (priority " + b.priority() + (a.priority() == b.priority() ? ", defined later" : "")
              + "); raise its priority or narrow " + Echo.quote(a.id())));
          break;
        }
      }
    }
    return errors;
  }

  /** The condition keys of a rule's all and any lists. */
  private record Shape(Set<String> all, Set<String> any) {}

  /** True when every item {@code b} matches is matched by {@code a}. */
  private static boolean covers(Shape a, Shape b) {
    if (a.all().size() > b.all().size() || !b.all().containsAll(a.all())) {
      return false;
    }
    if (a.any().isEmpty()) {
      return true;
    }
    for (String k : a.any()) {
      if (b.all().contains(k)) {
        return true;
      }
    }
    return !b.any().isEmpty() && a.any().containsAll(b.any());
  }

  private static Set<String> keys(List<Condition> cs) {
    Set<String> out = new LinkedHashSet<>();
    cs.forEach(c -> out.add(c.key()));
    return out;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
