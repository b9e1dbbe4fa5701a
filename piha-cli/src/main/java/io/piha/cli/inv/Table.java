package io.piha.cli.inv;

import java.io.PrintWriter;
import java.util.List;

/** Plain aligned columns for people. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i) == null ? 0 : r.get(i).length());
            }
        }
        line(out, header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList(), width);
        rows.forEach(r -> line(out, r, width));
        if (rows.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            sb.append(c).append(" ".repeat(Math.max(0, width[i] - c.length()))).append(i + 1 < cells.size() ? "  " : "");
        }
        out.println(sb.toString().stripTrailing());
    }
}
