package nl.deelpoort.gateway.console.officer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the statistics' bar charts, computed here so that the template only places what
 * it is given: inline SVG without script or style attributes (the Content-Security-Policy allows
 * neither), coloured by the classes of console.css ({@code bar-a}, {@code bar-b}, {@code bar-c}).
 * Every chart on the page also has a table with the same figures; the chart is the picture of it.
 * Coordinates are strings with a dot, whatever the viewer's language.
 */
final class Charts {

    static final int WIDTH = 720;

    /** A bar, or one part of a stacked bar. */
    record Rect(String x, String y, String width, String height, String css) {}

    /** A text: an axis value, a column's label, a bar's value. {@code anchor}: start, middle or end. */
    record Text(String x, String y, String text, String anchor) {}

    /** A line across the plot at an axis value. */
    record Line(String x1, String y1, String x2, String y2) {}

    record Chart(int width, int height, List<Rect> bars, List<Text> texts, List<Line> grid) {}

    private static final double LEFT = 44;
    private static final double RIGHT = 8;
    private static final double TOP = 12;
    private static final double BOTTOM = 36;
    private static final double PLOT_HEIGHT = 192;
    private static final int MAX_COLUMN_LABELS = 8;
    private static final double ROW = 40;
    private static final double VALUE_ROOM = 64;

    /**
     * Columns of stacked values, bottom up in the order of {@code seriesCss}: one column per interval
     * of time. A quarter of the columns' labels at most is written when there are many, so that they
     * do not overlap.
     */
    static Chart stacked(List<String> columnLabels, List<List<Long>> columns, List<String> seriesCss) {
        int n = columns.size();
        long max = niceMax(columns.stream()
                .mapToLong(c -> c.stream().mapToLong(Long::longValue).sum())
                .max()
                .orElse(0));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double bottom = TOP + PLOT_HEIGHT;
        List<Rect> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Line> grid = new ArrayList<>();
        for (long tick : ticks(max)) {
            double y = bottom - tick * PLOT_HEIGHT / max;
            grid.add(new Line(n(LEFT), n(y), n(WIDTH - RIGHT), n(y)));
            texts.add(new Text(n(LEFT - 6), n(y + 4), Long.toString(tick), "end"));
        }
        double slot = n == 0 ? plotWidth : plotWidth / n;
        int every = (int) Math.ceil(n / (double) MAX_COLUMN_LABELS);
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * slot;
            double below = 0;
            List<Long> values = columns.get(i);
            for (int s = 0; s < values.size(); s++) {
                long v = values.get(s);
                if (v == 0) {
                    continue;
                }
                double height = v * PLOT_HEIGHT / max;
                bars.add(new Rect(
                        n(x + slot * 0.15),
                        n(bottom - below - height),
                        n(Math.max(slot * 0.7, 1)),
                        n(height),
                        seriesCss.get(s)));
                below += height;
            }
            if (i % every == 0) {
                texts.add(new Text(n(x + slot / 2), n(bottom + 18), columnLabels.get(i), "middle"));
            }
        }
        return new Chart(WIDTH, (int) (TOP + PLOT_HEIGHT + BOTTOM), bars, texts, grid);
    }

    /** One horizontal bar per row, its label above it and its value after it. */
    static Chart horizontal(List<String> rowLabels, List<Long> values, String css) {
        long max = niceMax(values.stream().mapToLong(Long::longValue).max().orElse(0));
        double room = WIDTH - VALUE_ROOM;
        List<Rect> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double top = i * ROW;
            double width = Math.max(values.get(i) * room / max, values.get(i) > 0 ? 1 : 0);
            texts.add(new Text("0", n(top + 14), rowLabels.get(i), "start"));
            bars.add(new Rect("0", n(top + 20), n(width), "14", css));
            texts.add(new Text(n(width + 6), n(top + 32), Long.toString(values.get(i)), "start"));
        }
        return new Chart(WIDTH, (int) (values.size() * ROW + 8), bars, texts, List.of());
    }

    /** The axis' top: 1, 2 or 5 times a power of ten, at least {@code max} and at least 1. */
    static long niceMax(long max) {
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= max) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }

    /** The axis values that are whole numbers among 0, ¼, ½, ¾ and all of {@code max}. */
    static List<Long> ticks(long max) {
        List<Long> ticks = new ArrayList<>();
        for (int quarter = 0; quarter <= 4; quarter++) {
            if (max * quarter % 4 == 0) {
                ticks.add(max * quarter / 4);
            }
        }
        return ticks;
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private Charts() {}
}
