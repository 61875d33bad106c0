package io.polysos.cli;

import io.polysos.nn.GradientBaseline;
import io.polysos.nn.LearnOptions;
import io.polysos.nn.PaperExperiment;
import io.polysos.nn.Reproduction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polysos reproduce TARGET}: the paper's experiments side by side with ours. Progress
 * goes to stderr: a progress bar redrawn in place when a terminal is attached (as
 * {@link StatusLine} decides; the current solver iteration follows the bar on the same line),
 * otherwise one time-stamped log line per step.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's experiments: example-3.4, table1..table5, figure1 or all.")
public final class ReproduceCommand implements Callable<Integer> {

    /** Width of the progress bar, characters. */
    static final int BAR_WIDTH = 30;

    @Parameters(index = "0", paramLabel = "TARGET", description = "example-3.4, table1..table5, figure1 or all.")
    String target;

    @Mixin
    SolverOptions solverOptions;

    @Option(names = "--sizes", paramLabel = "small|all", defaultValue = "small",
            description = "The smallest configuration only (default) or all five.")
    String sizes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write CSV and JSON results (and figure1's PNGs) here.")
    Path out;

    @Option(names = "--order", paramLabel = "K", defaultValue = "0",
            description = "Relaxation order of the tables (default: the paper's " + PaperExperiment.PAPER_ORDER + ").")
    int order;

    @Option(names = "--baseline", paramLabel = "gd",
            description = "Add the local-training columns: gd = L-BFGS from random starts; the fraction of starts "
                    + "reaching the certified optimum (else the best upper bound) within 1e-6.")
    String baseline;

    @Option(names = "--baseline-runs", paramLabel = "R", defaultValue = "" + GradientBaseline.DEFAULT_RUNS,
            description = "Random starts of the baseline per configuration (default ${DEFAULT-VALUE}).")
    int baselineRuns;

    @Override
    public Integer call() throws Exception {
        if (!sizes.equals("small") && !sizes.equals("all")) {
            throw new IllegalArgumentException("--sizes must be small or all, got " + sizes);
        }
        if (baseline != null && !baseline.equals("gd")) {
            throw new IllegalArgumentException("--baseline must be gd, got " + baseline);
        }
        if (baselineRuns < 1) {
            throw new IllegalArgumentException("--baseline-runs must be >= 1, got " + baselineRuns);
        }
        String t = target.trim().toLowerCase(Locale.ROOT);
        if (out != null) {
            OutputFolders.requireWritable(out, "--out");   // before hours of computation, not after
        }
        if (order < 0) {
            throw new IllegalArgumentException("--order must be >= 1, got " + order);
        }
        LearnOptions base = LearnOptions.builder().solver(solverOptions.solver()).sdpOptions(solverOptions.sdpOptions())
                .order(order).build();
        long t0 = System.nanoTime();
        StatusLine status = StatusLine.stderr();
        boolean terminal = status.enabled();
        PrintStream err = System.err;
        String[] lastBar = {""};
        List<Reproduction.Row> rows;
        try {
            rows = Reproduction.run(t, sizes.equals("all"), seed, base,
                    baseline == null ? 0 : baselineRuns, out, status.clearing(System.out),
                    line -> {
                        if (!terminal) {
                            err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - t0) * 1e-9, line);
                        }
                    },
                    (done, total) -> {
                        String p = progress(done, total, (System.nanoTime() - t0) * 1e-9, terminal);
                        if (terminal) {
                            lastBar[0] = p.strip();
                            status.prefix(lastBar[0]);
                        } else {
                            err.print(p);
                        }
                    });
        } finally {
            if (terminal) {
                status.prefix("");
                status.clear();
            }
        }
        if (terminal && !lastBar[0].isEmpty()) {
            err.println(lastBar[0]);   // the final bar stays on the terminal
        }
        if ((t.equals("figure1") || t.equals("all")) && out != null) {
            for (Reproduction.Row r : rows) {
                if (r.testResiduals() != null && r.config().startsWith(PaperExperiment.TABLE5.id())) {
                    Path[] files = Plots.figure1(r.testResiduals(), r.config().substring(PaperExperiment.TABLE5.id().length()).trim(), out);
                    System.out.println("figure 1: wrote " + files[0] + " and " + files[1]);
                    break;
                }
            }
        } else if (t.equals("figure1")) {
            System.out.println("figure 1: give --out DIR to write the two residual plots");
        }
        return ExitCodes.OK;
    }

    /**
     * @return a progress bar line redrawn in place ({@code \r}, no newline) on a terminal, else one
     *         log line
     */
    static String progress(int done, int total, double seconds, boolean terminal) {
        if (!terminal) {
            return String.format(Locale.ROOT, "[%6.1f s] %d of %d configurations done%n", seconds, done, total);
        }
        int filled = total == 0 ? BAR_WIDTH : (int) Math.round(BAR_WIDTH * done / (double) total);
        return String.format(Locale.ROOT, "\r[%s%s] %d/%d  %.1f s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                done, total, seconds);
    }
}
