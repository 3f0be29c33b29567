package org.yaohao.query.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG 1.1, readable in any browser: an x axis of labels, a y axis from 0 with five grid
 * lines, one polyline (and a dot per point) per series, and a legend. Each series is a group
 * {@code <g class="series" data-series="name">}, so a reader (or a test) finds its points; a missing value
 * ({@code null}) is left out of the line.
 */
final class SvgChart {

    /** A named series of values, one per x label. */
    record Series(String name, List<Double> values) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 880;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;

    private SvgChart() {
    }

    /**
     * @param percent whether the values are shares in [0, 1] shown as percentages
     */
    static String render(String title, String yLabel, List<String> xLabels, List<Series> series, boolean percent) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                           .mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceTop(max, percent);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
           .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
           .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
           .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
           .append("<title>").append(escape(title)).append("</title>\n")
           .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
           .append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\">").append(escape(title))
           .append("</text>\n");
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            double y = TOP + plotHeight - plotHeight * i / 5.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
               .append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y))
               .append("\" stroke=\"#ddd\"/>\n")
               .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(number(y + 4))
               .append("\" text-anchor=\"end\">").append(escape(axisValue(value, percent))).append("</text>\n");
        }
        svg.append("<text x=\"16\" y=\"").append(TOP + plotHeight / 2).append("\" transform=\"rotate(-90 16 ")
           .append(TOP + plotHeight / 2).append(")\" text-anchor=\"middle\">").append(escape(yLabel))
           .append("</text>\n");
        int n = xLabels.size();
        for (int i = 0; i < n; i++) {
            double x = x(i, n, plotWidth);
            svg.append("<text class=\"x-label\" x=\"").append(number(x)).append("\" y=\"").append(TOP + plotHeight + 16)
               .append("\" text-anchor=\"end\" transform=\"rotate(-35 ").append(number(x)).append(' ')
               .append(TOP + plotHeight + 16).append(")\">").append(escape(xLabels.get(i))).append("</text>\n");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
           .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"black\"/>\n");
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            List<String> points = new ArrayList<>();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < n && i < one.values().size(); i++) {
                Double value = one.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = x(i, n, plotWidth);
                double y = TOP + plotHeight - (top == 0 ? 0 : plotHeight * value / top);
                points.add(number(x) + "," + number(y));
                dots.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"3\" fill=\"").append(colour).append("\" data-x=\"").append(escape(xLabels.get(i)))
                    .append("\" data-value=\"").append(Chances.format(value)).append("\"/>\n");
            }
            svg.append("<g class=\"series\" data-series=\"").append(escape(one.name())).append("\">\n")
               .append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
               .append(String.join(" ", points)).append("\"/>\n").append(dots)
               .append("<rect x=\"").append(WIDTH - RIGHT + 16).append("\" y=\"").append(TOP + 20 * s)
               .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>\n")
               .append("<text class=\"legend\" x=\"").append(WIDTH - RIGHT + 34).append("\" y=\"")
               .append(TOP + 20 * s + 11).append("\">").append(escape(one.name())).append("</text>\n</g>\n");
        }
        if (n == 0) {
            svg.append("<text x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(TOP + plotHeight / 2)
               .append("\" text-anchor=\"middle\">nothing counted yet</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int i, int n, int plotWidth) {
        return LEFT + (n <= 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
    }

    private static double niceTop(double max, boolean percent) {
        if (max <= 0) {
            return percent ? 1 : 10;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String axisValue(double value, boolean percent) {
        return percent ? Chances.format(Chances.round(value * 100)) + "%" : Chances.format(Chances.round(value));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
