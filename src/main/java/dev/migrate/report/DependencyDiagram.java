package dev.migrate.report;

import static dev.migrate.deps.DependencyExport.human;

import dev.migrate.deps.DependencyExport;
import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.Group;
import dev.migrate.deps.GroupLink;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The application groups as a picture: each group a box (its name, items and bytes among them), the places
 * outside the estate (internet, on-premises, other AWS services, ...) as grey boxes, and a line between two
 * boxes for the traffic between them, its width growing with the bytes (square root, so that a link of a
 * hundredth of the largest is still seen) and labelled with the bytes both ways. Boxes sit on an ellipse in a
 * fixed order (the places people look for first on the left, the groups by traffic, the AWS side on the right),
 * so the same graph draws the same picture. Drawn with Java2D at twice the display size, as the charts are.
 */
final class DependencyDiagram {
  /** Display size in pixels (the PNG is twice as large). */
  static final Charts.Size SIZE = new Charts.Size(900, 560);
  /** Groups drawn at most; the rest are named in the note under the picture. */
  static final int MAX_GROUPS = 14;
  private static final List<String> LEFT = List.of("internet", "on-premises", "other-private");
  private static final List<String> RIGHT = List.of("aws-service", "resource", "unknown-in-vpc");
  private static final Color GROUP_FILL = new Color(0xE8, 0xF0, 0xFE);
  private static final Color PLACE_FILL = new Color(0xEE, 0xEE, 0xEE);
  private static final Color OUTLINE = new Color(0x42, 0x42, 0x42);
  private static final Color TO_PLACE = new Color(0x9E, 0x9E, 0x9E);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font BOX = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font EDGE = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  private DependencyDiagram() {}

  private record Box(String id, String title, String detail, boolean group) {}

  /** The groups not drawn (beyond {@link #MAX_GROUPS}), 0 when all are. */
  static int hiddenGroups(DependencyGraph g) {
    return Math.max(0, g.groups().size() - MAX_GROUPS);
  }

  static Charts.Png png(DependencyGraph g, DependencyExport.Names names) {
    Map<String, Box> boxes = new LinkedHashMap<>();
    Map<String, Long> placeBytes = new HashMap<>();
    for (GroupLink l : g.groupLinks()) {
      placeBytes.merge(l.a(), l.bytes().total(), Long::sum);
      placeBytes.merge(l.b(), l.bytes().total(), Long::sum);
    }
    Map<String, String> placeNames = new HashMap<>();
    g.groupLinks().forEach(l -> {
      placeNames.put(l.a(), l.aName());
      placeNames.put(l.b(), l.bName());
    });
    for (String p : LEFT) {
      place(boxes, p, placeNames, placeBytes);
    }
    List<Group> drawn = g.groups().subList(0, Math.min(MAX_GROUPS, g.groups().size()));
    for (Group gr : drawn) {
      String name = DependencyExport.groupName(g, gr.id(), gr.name(), names);
      boxes.put(gr.id(), new Box(gr.id(), gr.id() + " " + name, gr.members().size()
          + (gr.members().size() == 1 ? " item, " : " items, ") + human(gr.internalBytes()) + " within", true));
    }
    for (String p : RIGHT) {
      place(boxes, p, placeNames, placeBytes);
    }

    int w = SIZE.width();
    int h = SIZE.height();
    var image = new BufferedImage(w * 2, h * 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = image.createGraphics();
    try {
      gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      gr.scale(2, 2);
      gr.setColor(Color.WHITE);
      gr.fillRect(0, 0, w, h);
      gr.setColor(Color.BLACK);
      gr.setFont(TITLE);
      String title = "Application groups and their traffic (VPC Flow Logs, " + Math.round(g.windowHours()) + " h)";
      gr.drawString(title, (w - gr.getFontMetrics().stringWidth(title)) / 2f, 22);

      // Ellipse layout, starting on the left and going clockwise.
      List<String> ids = new ArrayList<>(boxes.keySet());
      Map<String, double[]> at = new HashMap<>();
      double cx = w / 2.0;
      double cy = 40 + (h - 40) / 2.0;
      double rx = w / 2.0 - 110;
      double ry = (h - 40) / 2.0 - 45;
      for (int i = 0; i < ids.size(); i++) {
        double angle = Math.PI + 2 * Math.PI * i / ids.size();
        at.put(ids.get(i), new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
      }
      long max = g.groupLinks().stream().filter(l -> at.containsKey(l.a()) && at.containsKey(l.b()))
          .mapToLong(l -> l.bytes().total()).max().orElse(1);
      // Lines first (thin ones on top of thick ones would hide; draw the largest first), then boxes over them.
      List<GroupLink> links = g.groupLinks().stream().filter(l -> at.containsKey(l.a()) && at.containsKey(l.b()))
          .toList();
      for (GroupLink l : links) {
        double[] a = at.get(l.a());
        double[] b = at.get(l.b());
        float width = (float) (1 + 11 * Math.sqrt((double) l.bytes().total() / Math.max(1, max)));
        boolean internal = boxes.get(l.a()).group() && boxes.get(l.b()).group();
        gr.setColor(internal ? Charts.LINK : TO_PLACE);
        gr.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        gr.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
      }
      gr.setFont(EDGE);
      for (GroupLink l : links) {
        double[] a = at.get(l.a());
        double[] b = at.get(l.b());
        String label = human(l.bytes().total());
        FontMetrics fm = gr.getFontMetrics();
        float lx = (float) (a[0] + (b[0] - a[0]) * 0.5) - fm.stringWidth(label) / 2f;
        float ly = (float) (a[1] + (b[1] - a[1]) * 0.5) + 4;
        gr.setColor(new Color(255, 255, 255, 220));
        gr.fillRect(Math.round(lx) - 2, Math.round(ly) - fm.getAscent(), fm.stringWidth(label) + 4, fm.getHeight());
        gr.setColor(Color.BLACK);
        gr.drawString(label, lx, ly);
      }
      for (String id : ids) {
        Box box = boxes.get(id);
        double[] p = at.get(id);
        gr.setFont(BOX);
        FontMetrics fb = gr.getFontMetrics();
        String t = clip(box.title(), 28);
        gr.setFont(SMALL);
        FontMetrics fs = gr.getFontMetrics();
        int bw = Math.max(fb.stringWidth(t), fs.stringWidth(box.detail())) + 16;
        int bh = 38;
        var shape = new RoundRectangle2D.Double(p[0] - bw / 2.0, p[1] - bh / 2.0, bw, bh, 10, 10);
        gr.setColor(box.group() ? GROUP_FILL : PLACE_FILL);
        gr.fill(shape);
        gr.setColor(OUTLINE);
        gr.setStroke(new BasicStroke(1.2f));
        gr.draw(shape);
        gr.setColor(Color.BLACK);
        gr.setFont(BOX);
        gr.drawString(t, (float) (p[0] - fb.stringWidth(t) / 2.0), (float) (p[1] - 3));
        gr.setFont(SMALL);
        gr.drawString(box.detail(), (float) (p[0] - fs.stringWidth(box.detail()) / 2.0), (float) (p[1] + 12));
      }
    } finally {
      gr.dispose();
    }
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding in memory failed", e);
    }
    return new Charts.Png("Application groups and their traffic", out.toByteArray(), SIZE);
  }

  /** Short titles of the places (the sheets give the long ones). */
  private static final Map<String, String> PLACE_TITLES = Map.of("internet", "Internet", "on-premises",
      "On-premises (VPN/DX)", "other-private", "Private, outside the VPCs", "aws-service", "AWS services (endpoints)",
      "resource", "AWS resources outside the plan", "unknown-in-vpc", "Unknown addresses in VPCs");

  private static void place(Map<String, Box> boxes, String id, Map<String, String> names, Map<String, Long> bytes) {
    if (names.containsKey(id)) {
      boxes.put(id, new Box(id, PLACE_TITLES.getOrDefault(id, names.get(id)), human(bytes.get(id)) + " exchanged",
          false));
    }
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
