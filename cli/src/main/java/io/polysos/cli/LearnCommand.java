package io.polysos.cli;

import io.polysos.cli.json.Json;
import io.polysos.cli.json.LearnJson;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.PopStatus;
import io.polysos.nn.GradientBaseline;
import io.polysos.nn.LearnOptions;
import io.polysos.nn.LearnResult;
import io.polysos.nn.Loss;
import io.polysos.nn.Metrics;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.PolynomialLearner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos learn INSTANCE.json}: learns activation coefficients to a certified optimum. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Learn the polynomial activation coefficients of a network instance "
                + "(polysos-network-instance/1) by the Moment-SOS hierarchy.")
public final class LearnCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance, polysos-network-instance/1 JSON.")
    Path file;

    @Mixin
    SolverOptions solverOptions;

    @Mixin
    MemoryMixin memory;

    @Mixin
    SparsityMixin sparsityOptions;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "paper",
            description = "paper (default), lsq or max.")
    String loss;

    @Option(names = "--order", paramLabel = "K", description = "A fixed relaxation order (the paper uses 3); "
            + "0 (the default) runs the hierarchy instead, see --max-order.")
    int order;

    @Option(names = "--max-order", paramLabel = "K", description = "Run the hierarchy from k0 up to order K, "
            + "stopping when certified; 0 (the default) means automatic: up to order " + LearnOptions.DEFAULT_MAX_ORDER + ".")
    int maxOrder;

    @Option(names = "--ball", paramLabel = "R", defaultValue = "10",
            description = "Radius of the redundant ball R^2 - |z|^2 >= 0 (default ${DEFAULT-VALUE}; 0 for none).")
    double ball;

    @Option(names = "--export-sdpa", paramLabel = "FILE",
            description = {"Also write each relaxation solved in SDPA sparse format (equalities as pairs of",
                "inequalities): FILE with --order, else FILE with .k<K> before its extension."})
    Path exportSdpa;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--baseline", paramLabel = "gd",
            description = "Also run the local baseline: gd = L-BFGS on a smooth form of the loss from random starts.")
    String baseline;

    @Option(names = "--baseline-runs", paramLabel = "R", defaultValue = "" + GradientBaseline.DEFAULT_RUNS,
            description = "Random starts of the baseline (default ${DEFAULT-VALUE}).")
    int baselineRuns;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the baseline's starts.")
    long seed;

    @Override
    public Integer call() throws Exception {
        NetworkInstance inst = NetworkInstanceFormat.read(file);
        if (order > 0 && maxOrder > 0) {
            throw new IllegalArgumentException("give either --order or --max-order, not both");
        }
        LearnOptions.Builder b = LearnOptions.builder().loss(Loss.parse(loss)).ballRadius(ball)
                .solver(SdpaExport.wrap(solverOptions.solver(), exportSdpa, order > 0)).sdpOptions(solverOptions.sdpOptions());
        if (order > 0) {
            b.order(order);
        } else if (maxOrder > 0) {
            b.maxOrder(maxOrder);
        }
        if (!json) {
            b.progress(line -> {
                StatusLine.stderr().clear();
                System.out.println(line);
            });
        }
        if (baseline != null && !baseline.equals("gd")) {
            throw new IllegalArgumentException("--baseline must be gd, got " + baseline);
        }
        if (baselineRuns < 1) {
            throw new IllegalArgumentException("--baseline-runs must be >= 1, got " + baselineRuns);
        }
        b.sparsity(sparsityOptions.options());
        b.maxMemoryBytes(memory.maxMemoryBytes());
        LearnOptions opts = b.build();
        LearnResult r = PolynomialLearner.learn(inst, opts);
        StatusLine.stderr().clear();
        double[] truth = inst.truth() == null ? null : inst.truth().coefficients();
        Map<String, Object> gd = null;
        if (baseline != null && r.status() != PopStatus.FAILED) {
            gd = baselineMap(r, GradientBaseline.run(inst.network(), inst.train(), opts.loss(), baselineRuns, seed,
                    baselineTarget(r)));
        }
        if (json) {
            Map<String, Object> m = LearnJson.toMap(r, truth);
            if (gd != null) {
                m.put("baseline", gd);
            }
            System.out.println(Json.write(m));
        } else {
            print(r, truth);
            if (gd != null) {
                System.out.printf("baseline gd: %d of %d random starts reached the %s loss %.6g%n", gd.get("reached"),
                        baselineRuns, gd.get("target"), baselineTarget(r));
            }
        }
        return r.status() == PopStatus.CERTIFIED ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
    }

    /** @return the loss the baseline should reach: the certified optimum, else the best upper bound */
    static double baselineTarget(LearnResult r) {
        return r.isCertified() ? r.lowerBound() : r.upperBound();
    }

    private static Map<String, Object> baselineMap(LearnResult r, List<GradientBaseline.Run> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "gd");
        m.put("runs", runs.size());
        m.put("target", r.isCertified() ? "certified" : "upperBound");
        m.put("reached", (int) runs.stream().filter(GradientBaseline.Run::reachedOptimum).count());
        m.put("fractionReached", GradientBaseline.successRate(runs));
        m.put("losses", runs.stream().mapToDouble(GradientBaseline.Run::loss).toArray());
        return m;
    }

    private static void print(LearnResult r, double[] truth) {
        System.out.println("status: " + r.status() + (r.isCertified() ? " (" + r.certificate().jsonName() + ")" : "")
                + (r.ballActive() ? " (ball bound active: certificate holds inside the ball only)" : ""));
        if (r.status() == PopStatus.FAILED) {
            // no bound and no point: the reason is the whole result
            System.out.println("reason: " + r.message());
            System.out.printf("time: %.2f s, solver %s%n", r.timings().total(), r.solver());
            return;
        }
        if (r.coefficients() != null) {
            System.out.printf("%-8s %16s%s%n", "coef", r.status() == PopStatus.CERTIFIED ? "certified" : "estimate",
                    truth == null ? "" : String.format(" %16s", "truth"));
            for (int k = 0; k < r.coefficients().length; k++) {
                System.out.printf("%-8s %16.10f%s%n", r.names().get(k), r.coefficients()[k],
                        truth == null ? "" : String.format(" %16.10f", truth[k]));
            }
            if (truth != null) {
                System.out.printf("absErr: %.3e%n", Metrics.absErr(truth, r.coefficients()));
            }
        }
        System.out.printf("lower bound: %.10g (%s)  upper bound: %.10g  gap: %.3e  order: %d%n", r.lowerBound(),
                r.boundVerified() ? "verified" : "numeric only", r.upperBound(), r.gap(), r.order());
        System.out.println("verdict: " + r.message());
        if (!r.note().isEmpty()) {
            System.out.println("note: " + r.note());
        }
        System.out.printf("time: %.2f s (solve %.2f s), solver %s%n", r.timings().total(), r.timings().solve(),
                r.solver());
    }
}
