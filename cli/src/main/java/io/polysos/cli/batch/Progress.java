package io.polysos.cli.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal, a log line at most
 * every {@code intervalSeconds} otherwise (cluster logs), and a final line. Thread-safe.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int errors;
    private int skipped;
    private long lastPrint;

    public Progress(PrintStream out, boolean terminal, double intervalSeconds, int total) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.total = total;
        this.lastPrint = start;
    }

    public synchronized void skipped() {
        skipped++;
        done++;
        maybePrint(false);
    }

    public synchronized void finished(boolean error) {
        done++;
        if (error) {
            errors++;
        }
        maybePrint(false);
    }

    public synchronized void message(String line) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(line);
        maybePrint(true);
    }

    public synchronized void end() {
        end(null);
    }

    /** Prints the final count, then the summary line when not null. */
    public synchronized void end(String summary) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(line());
        if (summary != null) {
            out.println(summary);
        }
    }

    private void maybePrint(boolean force) {
        long now = System.nanoTime();
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line());
            out.flush();
        } else if (force || now - lastPrint >= intervalNanos || done == total) {
            out.println(line());
            lastPrint = now;
        }
    }

    private String line() {
        double el = (System.nanoTime() - start) * 1e-9;
        return String.format(Locale.ROOT, "batch: %d/%d done (%d skipped, %d errors), %.0f s elapsed", done, total,
                skipped, errors, el);
    }
}
