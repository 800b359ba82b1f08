package dev.migrate.report;

import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The workbook's charts, drawn with JFreeChart into PNGs at twice the display size so that they
 * stay crisp when zoomed or printed. One palette throughout: AWS orange, Google blue.
 */
final class Charts {
  /** AWS brand orange (#FF9900). */
  static final Color AWS = new Color(0xFF, 0x99, 0x00);
  /** Google blue (#4285F4). */
  static final Color GCP = new Color(0x42, 0x85, 0xF4);
  static final Color LINK = new Color(0x7E, 0x57, 0xC2);
  static final Color ONE_OFF = new Color(0x9E, 0x9E, 0x9E);
  static final Color STAY = new Color(0xC6, 0x28, 0x28);
  private static final Color[] SERVICES = {new Color(0xFF, 0x99, 0x00), new Color(0xE6, 0x5C, 0x00),
      new Color(0xFF, 0xC1, 0x07), new Color(0x8D, 0x6E, 0x63), new Color(0x23, 0x2F, 0x3E), new Color(0xBD, 0xBD, 0xBD)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  /** Display size of a chart on a detail sheet in pixels; the PNG is twice as large. */
  static final int WIDTH = 760;
  static final int HEIGHT = 380;

  /** Display size of a chart in pixels (the fonts keep their size: a smaller chart is not a shrunk one). */
  record Size(int width, int height) {
    static final Size DEFAULT = new Size(WIDTH, HEIGHT);
  }

  /** A rendered chart with its title (also used as the picture's alternative text) and display size. */
  record Png(String title, byte[] bytes, Size size) {}

  private Charts() {}

  /** Stacked monthly spend (AWS, Google Cloud, link and traffic, one-off) with "stay on AWS" as a line. */
  static Png timeline(Timeline t, Size size) {
    var bars = new DefaultCategoryDataset();
    var line = new DefaultCategoryDataset();
    for (Timeline.Month m : t.months()) {
      String x = m.month().toString();
      bars.addValue(m.awsUsd(), "AWS", x);
      bars.addValue(m.gcpUsd(), "Google Cloud", x);
      bars.addValue(m.linkUsd().add(m.interCloudTrafficUsd()), "Link and inter-cloud traffic", x);
      bars.addValue(m.oneOffUsd(), "One-off", x);
      line.addValue(m.stayOnAwsUsd(), "Staying on AWS", x);
    }
    String title = "Monthly spend through the migration (" + t.scenario() + ")";
    JFreeChart chart = ChartFactory.createStackedBarChart(title, "Month", "USD per month", bars,
        PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, AWS);
    r.setSeriesPaint(1, GCP);
    r.setSeriesPaint(2, LINK);
    r.setSeriesPaint(3, ONE_OFF);
    r.setMaximumBarWidth(0.08);
    var lr = new LineAndShapeRenderer(true, true);
    lr.setSeriesPaint(0, STAY);
    lr.setSeriesStroke(0, new BasicStroke(2.5f));
    plot.setDataset(1, line);
    plot.setRenderer(1, lr);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    style(chart, true);
    return render(title, chart, size);
  }

  /** Line colours of the scenarios, in order; "staying on AWS" keeps {@link #STAY}. */
  private static final Color[] SCENARIOS = {GCP, new Color(0x0F, 0x9D, 0x58), LINK, new Color(0x00, 0x83, 0x8F),
      AWS, new Color(0x5D, 0x40, 0x37)};

  /**
   * The monthly total of every scenario as one line each over calendar months, plus the first
   * scenario's "staying on AWS" as a dashed line: where the lines cross it, the migration costs
   * less per month than not migrating. A time axis, because scenarios may start and end in
   * different months and a 36-month category axis would not keep its labels readable.
   */
  static Png scenarios(List<Timeline> timelines, Size size) {
    // The collection pegs each month to its first millisecond in this zone.
    var data = new org.jfree.data.time.TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    var names = new java.util.HashSet<String>();
    for (Timeline t : timelines) {
      // Series keys must be unique; two scenarios of the same name still get a line each.
      String name = t.scenario();
      for (int n = 2; !names.add(name); n++) {
        name = t.scenario() + " (" + n + ")";
      }
      var series = new org.jfree.data.time.TimeSeries(name);
      t.months().forEach(m -> series.add(month(m.month()), m.totalUsd()));
      data.addSeries(series);
    }
    var stay = new org.jfree.data.time.TimeSeries("Staying on AWS (" + timelines.get(0).scenario() + ")");
    timelines.get(0).months().forEach(m -> stay.add(month(m.month()), m.stayOnAwsUsd()));
    data.addSeries(stay);
    String title = "Monthly total by scenario";
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Month", "USD per month", data, true, false, false);
    var plot = chart.getXYPlot();
    var r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < timelines.size(); i++) {
      r.setSeriesPaint(i, SCENARIOS[i % SCENARIOS.length]);
      r.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    r.setSeriesPaint(timelines.size(), STAY);
    r.setSeriesStroke(timelines.size(), new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {8f, 5f}, 0f));
    plot.setRenderer(r);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setTitle(new TextTitle(title, TITLE));
    chart.getLegend().setItemFont(LABEL);
    chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setNumberFormatOverride(new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    y.setAutoRangeIncludesZero(true);
    y.setUpperMargin(0.08);
    y.setLabelFont(LABEL);
    y.setTickLabelFont(TICK);
    var x = (org.jfree.chart.axis.DateAxis) plot.getDomainAxis();
    var fmt = new java.text.SimpleDateFormat("yyyy-MM", Locale.ROOT);
    fmt.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    x.setDateFormatOverride(fmt);
    x.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    x.setLabelFont(LABEL);
    x.setTickLabelFont(TICK);
    if (timelines.size() > 1) {
      // Scenarios may assume different traffic: the dashed line is the first one's, not everyone's.
      chart.addSubtitle(new TextTitle("dashed: staying on AWS at the traffic of " + timelines.get(0).scenario()
          + "; each scenario's own is on the Timeline sheet", LABEL));
    }
    return render(title, chart, size);
  }

  /** A calendar month as a JFreeChart period (placed in UTC by the collection, not the machine's zone). */
  private static org.jfree.data.time.Month month(java.time.YearMonth ym) {
    return new org.jfree.data.time.Month(ym.getMonthValue(), ym.getYear());
  }

  /** Monthly USD by service, AWS services in orange, Google Cloud services in blue. */
  static Png byService(Map<String, BigDecimal> current, Map<String, BigDecimal> target, Size size) {
    // One series, one bar per service: AWS services first (orange), then Google Cloud (blue),
    // each largest first, so that the eye reads the big items first.
    var data = new DefaultCategoryDataset();
    largestServices(current, "AWS").forEach((k, v) -> data.addValue(v.doubleValue(), "USD per month", k));
    int awsCount = data.getColumnCount();
    largestServices(target, "Google Cloud").forEach((k, v) -> data.addValue(v.doubleValue(), "USD per month", k));
    String title = "Monthly cost by service, before and after";
    JFreeChart chart = ChartFactory.createBarChart(title, "Service", "USD per month", data,
        PlotOrientation.HORIZONTAL, true, false, false);
    var r = new BarRenderer() {
      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return column < awsCount ? AWS : GCP;
      }
    };
    r.setMaximumBarWidth(0.09);
    chart.getCategoryPlot().setRenderer(r);
    var legend = new LegendItemCollection();
    legend.add(new LegendItem("AWS today", AWS));
    legend.add(new LegendItem("Google Cloud after", GCP));
    chart.getCategoryPlot().setFixedLegendItems(legend);
    labels(r, "$#,##0");
    // Horizontal bars: the value goes just right of the bar's end, the value axis at the bottom.
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    chart.getCategoryPlot().setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    style(chart, false);
    // Service names on one line each (two lines overlap the next bar's name): up to 42% of the
    // width for them, and no axis title, which would only repeat what the names say.
    CategoryAxis services = chart.getCategoryPlot().getDomainAxis();
    services.setMaximumCategoryLabelLines(1);
    services.setMaximumCategoryLabelWidthRatio(0.42f);
    services.setLabel(null);
    // Room right of the longest bar for its value label ("$11,412"), a larger share on a narrow chart.
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setUpperMargin(size.width() < 600 ? 0.25 : 0.15);
    chart.addSubtitle(new TextTitle("AWS today " + usd(sum(current)) + " per month, Google Cloud after "
        + usd(sum(target)) + " per month", LABEL));
    return render(title, chart, size);
  }

  /** Bars per side at most: more crowd the labels at the printed size (half an A4 page wide). */
  static final int MAX_SERVICE_BARS = 6;

  /**
   * A side's services largest first; those beyond {@link #MAX_SERVICE_BARS} - 1, or under 1% of
   * the side's total, are summed into one "N other ... services" bar (the Costs sheet has them).
   */
  static Map<String, BigDecimal> largestServices(Map<String, BigDecimal> byService, String side) {
    BigDecimal total = sum(byService);
    BigDecimal floor = total.multiply(new BigDecimal("0.01"));
    var sorted = byService.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).toList();
    Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
    BigDecimal rest = BigDecimal.ZERO;
    String onlyOther = null;
    int others = 0;
    for (int i = 0; i < sorted.size(); i++) {
      var e = sorted.get(i);
      boolean last = i == sorted.size() - 1 && others == 0;
      if ((out.size() < MAX_SERVICE_BARS - 1 || last && out.size() < MAX_SERVICE_BARS) && e.getValue().compareTo(floor) >= 0) {
        out.put(e.getKey(), e.getValue());
      } else {
        rest = rest.add(e.getValue());
        onlyOther = e.getKey();
        others++;
      }
    }
    if (others > 0) {
      out.put(others == 1 ? onlyOther : others + " other " + side + " services", rest);
    }
    return out;
  }

  /** Cost per million requests on each side, at today's traffic and the growth multiples. */
  static Png perMillion(RequestCosts rc, Size size) {
    var data = new DefaultCategoryDataset();
    if (rc.growth().isEmpty()) {
      data.addValue(rc.awsPerMillionUsd().doubleValue(), "AWS", "today's traffic");
      data.addValue(rc.gcpPerMillionUsd().doubleValue(), "Google Cloud", "today's traffic");
    } else {
      for (RequestCosts.GrowthPoint g : rc.growth()) {
        String x = g.trafficMultiple().compareTo(BigDecimal.ONE) == 0 ? "today's traffic"
            : g.trafficMultiple().stripTrailingZeros().toPlainString() + "x traffic";
        data.addValue(g.awsPerMillionUsd().doubleValue(), "AWS", x);
        data.addValue(g.gcpPerMillionUsd().doubleValue(), "Google Cloud", x);
      }
    }
    String title = "Cost per million requests, before and after";
    JFreeChart chart = ChartFactory.createBarChart(title, "Traffic", "USD per million requests", data,
        PlotOrientation.VERTICAL, true, false, false);
    BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
    r.setSeriesPaint(0, AWS);
    r.setSeriesPaint(1, GCP);
    r.setMaximumBarWidth(0.12);
    labels(r, "$#,##0.00");
    style(chart, false);
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(
        new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    return render(title, chart, size);
  }

  /** Accounts drawn one by one before the rest are one bar pair. */
  static final int CHART_ACCOUNTS = 8;

  /**
   * An estate's accounts, AWS today beside Google Cloud after: the largest accounts by AWS cost (rows come largest
   * first), the rest as one pair, and the costs of no one account last.
   */
  static Png accounts(List<ReportModel.AccountRow> rows, Size size) {
    var data = new DefaultCategoryDataset();
    List<ReportModel.AccountRow> members = rows.stream().filter(x -> x.accountId() != null).toList();
    int shown = members.size() <= CHART_ACCOUNTS + 1 ? members.size() : CHART_ACCOUNTS;
    for (ReportModel.AccountRow a : members.subList(0, shown)) {
      String x = a.name() == null ? a.accountId() : a.name();
      data.addValue(a.awsMonthlyUsd(), "AWS today", x);
      data.addValue(a.gcpMonthlyUsd(), "Google Cloud after", x);
    }
    if (shown < members.size()) {
      BigDecimal aws = BigDecimal.ZERO;
      BigDecimal gcp = BigDecimal.ZERO;
      for (ReportModel.AccountRow a : members.subList(shown, members.size())) {
        aws = aws.add(a.awsMonthlyUsd());
        gcp = gcp.add(a.gcpMonthlyUsd());
      }
      String x = (members.size() - shown) + " other accounts";
      data.addValue(aws, "AWS today", x);
      data.addValue(gcp, "Google Cloud after", x);
    }
    for (ReportModel.AccountRow a : rows) {
      if (a.accountId() == null) {
        data.addValue(a.awsMonthlyUsd(), "AWS today", "shared");
        data.addValue(a.gcpMonthlyUsd(), "Google Cloud after", "shared");
      }
    }
    String title = "Monthly cost per account, before and after";
    JFreeChart chart = ChartFactory.createBarChart(title, "Account", "USD per month", data,
        PlotOrientation.VERTICAL, true, false, false);
    BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
    r.setSeriesPaint(0, AWS);
    r.setSeriesPaint(1, GCP);
    r.setMaximumBarWidth(0.08);
    labels(r, "$#,##0");
    style(chart, data.getColumnCount() > 5);
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(
        new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    return render(title, chart, size);
  }

  /** The AWS bill of the last 12 months (plus an open month), stacked by its five largest services. */
  static Png bill(List<ReportModel.BillMonth> months, Size size) {
    List<ReportModel.BillMonth> last = months.subList(Math.max(0, months.size() - 13), months.size());
    var totals = new java.util.HashMap<String, BigDecimal>();
    last.forEach(m -> m.services().forEach((s, v) -> totals.merge(s, v, BigDecimal::add)));
    List<String> top = totals.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(5).map(Map.Entry::getKey).toList();
    var data = new DefaultCategoryDataset();
    boolean other = totals.size() > top.size();
    for (ReportModel.BillMonth m : last) {
      String x = m.month() + (m.estimated() ? "*" : "");
      BigDecimal rest = m.totalUsd();
      for (String s : top) {
        BigDecimal v = m.services().getOrDefault(s, BigDecimal.ZERO);
        data.addValue(v, shortService(s), x);
        rest = rest.subtract(v);
      }
      if (other) {
        data.addValue(rest, "Other services", x);
      }
    }
    boolean open = last.stream().anyMatch(ReportModel.BillMonth::estimated);
    String title = "AWS bill, last 12 months";
    JFreeChart chart = ChartFactory.createStackedBarChart(title, open ? "Month (* still open, estimated)" : "Month",
        "USD per month", data, PlotOrientation.VERTICAL, true, false, false);
    StackedBarRenderer r = (StackedBarRenderer) chart.getCategoryPlot().getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    for (int i = 0; i < SERVICES.length; i++) {
      r.setSeriesPaint(i, SERVICES[i]);
    }
    if (other) {
      r.setSeriesPaint(top.size(), SERVICES[SERVICES.length - 1]);
    }
    style(chart, true);
    return render(title, chart, size);
  }

  private static BigDecimal sum(Map<String, BigDecimal> m) {
    return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String usd(BigDecimal v) {
    return new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** "Amazon Elastic Compute Cloud - Compute" is too long for a legend. */
  static String shortService(String s) {
    return s.replace("Amazon Elastic Compute Cloud - Compute", "EC2 compute")
        .replace("Amazon Simple Storage Service", "Amazon S3")
        .replace("Amazon Elastic Load Balancing", "Elastic Load Balancing");
  }

  private static void labels(BarRenderer r, String pattern) {
    var fmt = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(TICK);
  }

  private static void style(JFreeChart chart, boolean rotateLabels) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setTitle(new TextTitle(chart.getTitle().getText(), TITLE));
    chart.getLegend().setItemFont(LABEL);
    chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setNumberFormatOverride(new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    y.setLabelFont(LABEL);
    y.setTickLabelFont(TICK);
    y.setUpperMargin(0.12);
    CategoryAxis x = plot.getDomainAxis();
    x.setLabelFont(LABEL);
    x.setTickLabelFont(TICK);
    x.setMaximumCategoryLabelLines(2);
    if (rotateLabels) {
      x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    if (plot.getRenderer() instanceof BarRenderer b) {
      b.setBarPainter(new StandardBarPainter());
      b.setShadowVisible(false);
    }
  }

  private static Png render(String title, JFreeChart chart, Size size) {
    var image = new BufferedImage(size.width() * 2, size.height() * 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(2, 2);
      chart.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
    } finally {
      g.dispose();
    }
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding in memory failed", e);
    }
    return new Png(title, out.toByteArray(), size);
  }
}
