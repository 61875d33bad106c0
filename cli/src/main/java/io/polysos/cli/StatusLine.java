package io.polysos.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr, redrawn in place ({@code \r}) while a long solve runs: on a
 * terminal the pure backend's per-iteration line (iteration, objectives, gap, infeasibilities,
 * time) is shown there without {@code -v}; with {@code -v} every line is printed and kept,
 * and when stderr is not a terminal nothing is shown (as CSDP and SCS print their iteration
 * lines only when asked). Stdout is never touched, so {@code --json} output stays clean.
 * {@code POLYSOS_PROGRESS=always|never} (or the system property {@code polysos.progress})
 * overrides the terminal detection.
 *
 * <p>A long command with its own progress (e.g. {@code reproduce}'s bar) sets it as the
 * {@link #prefix}: the bar and the current iteration then share the one line instead of
 * overwriting each other, and {@link #clearing} wraps the stream that prints results so that
 * the line is erased before anything else appears on the terminal.
 */
final class StatusLine {

    /** Longest line drawn (wider lines are cut, so that \r returns to their start). */
    static final int WIDTH = 100;

    private static final StatusLine ERR = new StatusLine(System.err, detect());

    private final PrintStream err;
    private final boolean enabled;
    private boolean pending;
    private String prefix = "";

    StatusLine(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** @return the status line on stderr */
    static StatusLine stderr() {
        return ERR;
    }

    private static boolean detect() {
        String mode = System.getProperty("polysos.progress", System.getenv().getOrDefault("POLYSOS_PROGRESS", "auto"));
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null;
        };
    }

    /** @return whether lines are drawn */
    boolean enabled() {
        return enabled;
    }

    /** Draws a line over the previous one (after the {@link #prefix}, if one is set). */
    synchronized void show(String line) {
        if (!enabled) {
            return;
        }
        String s = line.strip().replaceAll("\\s+", " ");
        if (!prefix.isEmpty()) {
            s = s.isEmpty() ? prefix : prefix + "  " + s;
        }
        if (s.length() > WIDTH) {
            s = s.substring(0, WIDTH - 3) + "...";
        }
        err.print("\r" + s + "\u001b[K");
        err.flush();
        pending = true;
    }

    /**
     * Sets the text kept at the start of every line drawn (empty for none) and draws it alone;
     * iteration lines shown later follow it.
     */
    synchronized void prefix(String text) {
        prefix = text == null ? "" : text.strip();
        show("");
    }

    /**
     * @return a stream writing to {@code out} that erases the status line before each write
     *         (so results printed while a line is drawn start at the left margin, on their own)
     */
    PrintStream clearing(PrintStream out) {
        if (!enabled) {
            return out;
        }
        return new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                clear();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                clear();
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }
        }, true);
    }

    /** Erases the line, if one is drawn (before printing anything else on the terminal). */
    synchronized void clear() {
        if (pending) {
            err.print("\r\u001b[K");
            err.flush();
            pending = false;
        }
    }
}
