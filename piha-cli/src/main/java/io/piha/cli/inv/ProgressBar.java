package io.piha.cli.inv;

import io.piha.inventory.ImportProgress;
import java.io.PrintWriter;

/** A one-line progress bar on stderr for long imports; redrawn only when the percentage changes. */
final class ProgressBar implements ImportProgress {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private String lastLine = "";

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String phase, long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int filled = percent * WIDTH / 100;
        String line = String.format("\r%-9s [%s%s] %3d%% (%,d/%,d)", phase, "#".repeat(filled),
                " ".repeat(WIDTH - filled), percent, done, total);
        if (!line.equals(lastLine)) {
            err.print(line);
            err.flush();
            lastLine = line;
        }
        if (done >= total) {
            err.println();
            lastLine = "";
        }
    }
}
