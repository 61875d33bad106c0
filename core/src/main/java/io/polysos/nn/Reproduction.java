package io.polysos.nn;

import io.polysos.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reproduces the paper's experiments: Example 3.4 and Tables 1-5 on freshly generated
 * instances ({@link SyntheticGenerator}), learned at order 3 with the paper's loss and the
 * default ball, printed next to the paper's values and written as CSV and JSON (atomically)
 * under an output directory.
 */
public final class Reproduction {

    /**
     * One configuration's row.
     *
     * @param config  label
     * @param status  certificate status
     * @param absErr  ||c_true - c_pred||
     * @param relErr  absErr / noise norm
     * @param seconds learning time
     * @param gap     upper - lower bound
     * @param mse     test MSE (NaN unless table 5)
     * @param rmse    test RMSE (NaN unless table 5)
     * @param paper   the paper's values for this row (empty for example 3.4)
     * @param gdReached fraction of the gradient baseline's random starts whose loss came within
     *                {@link GradientBaseline#DEFAULT_OPTIMUM_TOLERANCE} of the target loss (the
     *                certified optimum, else the learner's upper bound); NaN when the baseline did not run
     * @param gdTarget  "certified" or "upperBound": what {@code gdReached} compares against ("" when not run)
     * @param testResiduals eps_i = y'_i - y~_i on the test set, one row per sample (null unless table 5)
     */
    public record Row(String config, String status, double absErr, double relErr, double seconds, double gap, double mse,
                      double rmse, double[] paper, double gdReached, String gdTarget, double[][] testResiduals) {
    }

    private Reproduction() {
    }

    /** The paper's Example 3.4 (m0 = m1 = m2 = m3 = 4, N = 2, exact data). */
    public static NetworkInstance example34() {
        double[][][] w = {
            {{1, 0, -1, 1}, {0, 1, 1, 1}, {-1, 0, 1, -1}, {-2, 1, -1, 0}},
            {{1, -1, 0, 2}, {2, 1, 1, 0}, {1, 1, 1, 2}, {0, 1, 1, 1}},
            {{1, 1, 0, 1}, {-2, -1, 1, 1}, {1, 0, 1, 1}, {-1, 0, -2, 1}}};
        PolynomialNetwork net = new PolynomialNetwork(w, List.of(Activation.fixed(2, 1.0), Activation.free(1)));
        Dataset d = new Dataset(new double[][] {{2, 1, 0, -1}, {-1, 1, 1, 1}},
                new double[][] {{66, -22, 106, -104}, {38, 30, 46, -33}});
        return new NetworkInstance("paper-example-3.4", "Example 3.4 of Zhang, Nie, Tang", net, d, null,
                new NetworkInstance.Truth(new double[] {1, -2, 1, -1}, null, 0.0, 0.0), null);
    }

    /**
     * Runs a target.
     *
     * @param target   example-3.4, table1..table5 or all
     * @param allSizes all five sizes (else the smallest only)
     * @param seed     generator seed
     * @param base     learner options (loss, solver, ...); the tables use base.order() when it is set,
     *                 else the paper's order 3
     * @param baselineRuns random starts of the gradient baseline per configuration (0 for none)
     * @param outDir   output directory, or null for none
     * @param out      where the table is printed
     * @param progress progress lines
     * @param step     called after each configuration with (done, total) for progress bars
     */
    public static List<Row> run(String target, boolean allSizes, long seed, LearnOptions base, int baselineRuns,
                                Path outDir, PrintStream out, Consumer<String> progress,
                                java.util.function.BiConsumer<Integer, Integer> step) throws IOException {
        String t = target.trim().toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        List<PaperExperiment> exps = experiments(t, target);
        int sizes = allSizes ? PaperExperiment.SIZES.length : 1;
        boolean example = t.equals("example-3.4") || t.equals("all");
        int total = exps.size() * sizes + (example ? 1 : 0);
        int done = 0;
        if (example) {
            NetworkInstance inst = example34();
            LearnResult r = PolynomialLearner.learn(inst, base.toBuilder().maxOrder(3).build());
            out.println("Example 3.4 (Zhang, Nie, Tang): paper: order 1 not flat, order 2 flat, c* = (1, -2, 1, -1), theta* = 0");
            for (io.polysos.moment.OrderRecord o : r.orders()) {
                out.printf(Locale.ROOT, "  order %d: bound %.3e, ranks %s, %s (%.2f s)%n", o.order(), o.bounds().best(),
                        o.ranks().stream().map(d -> Integer.toString(d.rank())).toList(),
                        o.flatOrder() >= 0 ? "flat at t=" + o.flatOrder() : "not flat", o.solveSeconds());
            }
            out.printf(Locale.ROOT, "  ours: %s at order %d, c = %s, theta = %.1e, |c - c*| = %.1e%n", r.status(), r.order(),
                    fmt(r.coefficients()), r.theta(), Metrics.absErr(inst.truth().coefficients(), r.coefficients()));
            double[] gd = baseline(inst, r, base.loss(), baselineRuns, seed);
            if (baselineRuns > 0) {
                out.printf(Locale.ROOT, "  gradient baseline: %.0f%% of %d random starts reached the %s loss%n",
                        100 * gd[0], baselineRuns, gdTarget(r));
            }
            rows.add(new Row("example-3.4", r.status().name(), Metrics.absErr(inst.truth().coefficients(), r.coefficients()),
                    Double.NaN, r.timings().total(), r.gap(), Double.NaN, Double.NaN, new double[0], gd[0],
                    baselineRuns > 0 ? gdTarget(r) : "", null));
            step.accept(++done, total);
        }
        for (PaperExperiment e : exps) {
            out.println(e + ": " + e.title());
            out.println(e.reportsTestErrors()
                    ? String.format("  %-26s %-21s | %s", "", "paper (reported)", "ours (this run)")
                    : String.format("  %-26s %-28s | %s", "", "paper (reported)", "ours (this run)"));
            out.println(e.reportsTestErrors()
                    ? String.format("  %-26s %10s %10s | %10s %10s %8s %11s", "config", "MSE paper", "RMSE paper", "MSE ours", "RMSE ours", "time", "status")
                    : String.format("  %-26s %9s %9s %8s | %9s %9s %8s %11s %9s", "config", "AbsErr", "RelErr", "time",
                    "AbsErr", "RelErr", "time", "status", "gap") + (baselineRuns > 0 ? String.format(" %8s", "gd") : ""));
            for (int s = 0; s < sizes; s++) {
                progress.accept("generating " + e.id() + " " + e.label(s));
                NetworkInstance inst = SyntheticGenerator.paper(e, s, PaperExperiment.SIGMA, seed + 100L * s + e.ordinal());
                LearnResult r = PolynomialLearner.learn(inst, base.toBuilder().order(base.order() > 0 ? base.order() : PaperExperiment.PAPER_ORDER)
                        .progress(progress).build());
                double abs = Metrics.absErr(inst.truth().coefficients(), r.coefficients());
                double rel = Metrics.relErr(abs, inst.truth().noiseRms());
                double mse = Double.NaN;
                double rmse = Double.NaN;
                double[][] eps = null;
                if (e.reportsTestErrors()) {
                    eps = Metrics.residuals(inst.network(), inst.test(), r.coefficients());
                    mse = Metrics.mse(eps);
                    rmse = Math.sqrt(mse);
                }
                double[] p = e.reported(s);
                double secs = r.timings().total();
                double[] gd = baseline(inst, r, base.loss(), baselineRuns, seed + s);
                Row row = new Row(e.id() + " " + e.label(s), r.status().name(), abs, rel, secs, r.gap(), mse, rmse, p,
                        gd[0], baselineRuns > 0 ? gdTarget(r) : "", eps);
                rows.add(row);
                String gdCol = baselineRuns > 0 ? String.format(Locale.ROOT, " %7.0f%%", 100 * gd[0]) : "";
                out.println((e.reportsTestErrors()
                        ? String.format(Locale.ROOT, "  %-26s %10.4f %10.4f | %10.4f %10.4f %8.2f %11s", e.label(s), p[0], p[1], mse, rmse, secs, row.status())
                        : String.format(Locale.ROOT, "  %-26s %9.4f %9.4f %8.2f | %9.4f %9.4f %8.2f %11s %9.1e", e.label(s), p[0], p[1], p[2],
                        abs, rel, secs, row.status(), row.gap())) + gdCol);
                step.accept(++done, total);
            }
        }
        if (outDir != null) {
            write(t, rows, outDir);
        }
        return rows;
    }

    private static List<PaperExperiment> experiments(String t, String target) {
        List<PaperExperiment> exps = new ArrayList<>();
        if (t.equals("all")) {
            exps.addAll(List.of(PaperExperiment.values()));
        } else if (t.startsWith("table")) {
            exps.add(PaperExperiment.parse(t));
        } else if (t.equals("figure1")) {
            exps.add(PaperExperiment.TABLE5);
        } else if (!t.equals("example-3.4")) {
            throw new IllegalArgumentException("unknown target '" + target
                    + "' (expected example-3.4, table1..table5, figure1 or all)");
        }
        return exps;
    }

    private static String gdTarget(LearnResult r) {
        return r.isCertified() ? "certified" : "upperBound";
    }

    /** @return {fraction reached} of the gradient baseline, NaN when runs is 0 or the learner failed */
    private static double[] baseline(NetworkInstance inst, LearnResult r, Loss loss, int runs, long seed) {
        if (runs <= 0 || r.status() == io.polysos.moment.PopStatus.FAILED) {
            return new double[] {Double.NaN};
        }
        double target = r.isCertified() ? r.lowerBound() : r.upperBound();
        List<GradientBaseline.Run> res = GradientBaseline.run(inst.network(), inst.train(), loss, runs, seed, target);
        return new double[] {GradientBaseline.successRate(res)};
    }

    private static void write(String target, List<Row> rows, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("config,absErr,relErr,time,status,gap,mse,rmse,gdReached,gdTarget,"
                + "paperAbsErr,paperRelErr,paperTime,paperMse,paperRmse\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> paper = paperValues(r);
            csv.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", r.config(),
                    num(r.absErr()), num(r.relErr()), num(r.seconds()), r.status(), num(r.gap()), num(r.mse()),
                    num(r.rmse()), num(r.gdReached()), r.gdTarget(), paperCell(paper, "absErr"), paperCell(paper, "relErr"),
                    paperCell(paper, "time"), paperCell(paper, "mse"), paperCell(paper, "rmse")));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("config", r.config());
            m.put("status", r.status());
            m.put("absErr", fin(r.absErr()));
            m.put("relErr", fin(r.relErr()));
            m.put("time", fin(r.seconds()));
            m.put("gap", fin(r.gap()));
            m.put("mse", fin(r.mse()));
            m.put("rmse", fin(r.rmse()));
            m.put("paper", paper);
            m.put("gdReached", fin(r.gdReached()));
            m.put("gdTarget", r.gdTarget());
            if (r.testResiduals() != null) {
                m.put("testResiduals", r.testResiduals());
            }
            json.add(m);
        }
        AtomicFiles.writeString(dir.resolve(target + ".csv"), csv.toString());
        AtomicFiles.writeString(dir.resolve(target + ".json"),
                NetworkInstanceFormat.mapper().writeValueAsString(Map.of("target", target, "rows", json)) + "\n");
    }

    /**
     * @return the paper's reported values of a row, named: absErr, relErr, time (Tables 1-4) or
     *         mse, rmse (Table 5, whose rows carry test errors); empty when the paper gives none
     */
    static Map<String, Object> paperValues(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] p = r.paper();
        if (p == null || p.length == 0) {
            return m;
        }
        boolean testErrors = Double.isFinite(r.mse()) || r.testResiduals() != null;
        String[] names = testErrors ? new String[] {"mse", "rmse"} : new String[] {"absErr", "relErr", "time"};
        for (int i = 0; i < Math.min(names.length, p.length); i++) {
            m.put(names[i], fin(p[i]));
        }
        return m;
    }

    private static String paperCell(Map<String, Object> paper, String name) {
        Object v = paper.get(name);
        return v == null ? "" : v.toString();
    }

    private static Object fin(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String fmt(double[] c) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < c.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", c[k]));
        }
        return sb.append(')').toString();
    }
}
