package io.polysos.cli;

import io.polysos.cli.json.Json;
import io.polysos.cli.json.PopJson;
import io.polysos.cli.json.SparsityJson;
import io.polysos.moment.CandidatePoint;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.PopResult;
import io.polysos.moment.PopStatus;
import io.polysos.moment.sparse.SparseMomentSosSolver;
import io.polysos.moment.sparse.SparsePopResult;
import io.polysos.moment.sparse.SparsityOptions;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos pop FILE.json}: solves a polynomial program by the Moment-SOS hierarchy. */
@Command(name = "pop", mixinStandardHelpOptions = true,
        description = "Solve a polynomial program (polysos-pop/1 JSON) by the Moment-SOS hierarchy: "
                + "per-order bounds, ranks and the verdict (CERTIFIED, BOUND_ONLY, FAILED).")
public final class PopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The problem, polysos-pop/1 JSON.")
    Path file;

    @Mixin
    SolverOptions solverOptions;

    @Mixin
    MemoryMixin memory;

    @Mixin
    SparsityMixin sparsityOptions;

    @Option(names = "--max-order", paramLabel = "K", description = "Last relaxation order; 0 (the default) means "
            + "automatic: k0 + " + HierarchyOptions.DEFAULT_EXTRA_ORDERS + ", k0 the smallest order the problem's degrees allow.")
    int maxOrder;

    @Option(names = "--min-order", paramLabel = "K", description = "First relaxation order; 0 (the default) means k0.")
    int minOrder;

    @Option(names = "--ball", paramLabel = "R", description = "Add the bounding constraint R^2 - |z|^2 >= 0.")
    double ball;

    @Option(names = "--export-sdpa", paramLabel = "FILE",
            description = {"Also write each relaxation solved in SDPA sparse format (equalities as pairs of",
                "inequalities): FILE for a single order, else FILE with .k<K> before its extension."})
    Path exportSdpa;

    @Option(names = "--gap-tolerance", paramLabel = "T", description = {"Certify by gap when an exactly feasible "
            + "point z has f(z) - (verified bound) <= T (1 + |f(z)|); default " + HierarchyOptions.DEFAULT_GAP_TOLERANCE
            + ".", "The only certificate under term sparsity or --newton (no flatness test there)."})
    double gapTolerance = HierarchyOptions.DEFAULT_GAP_TOLERANCE;

    @Option(names = "--json", description = "Print one JSON object instead of the per-order lines.")
    boolean json;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        Pop pop = PopReader.read(file).problem();
        double readSeconds = (System.nanoTime() - t0) * 1e-9;
        if (!(gapTolerance > 0) || Double.isInfinite(gapTolerance)) {
            throw new IllegalArgumentException("--gap-tolerance must be a positive number, got " + gapTolerance);
        }
        HierarchyOptions.Builder ob = HierarchyOptions.builder().sdpOptions(solverOptions.sdpOptions())
                .gapTolerance(gapTolerance)
                .minOrder(minOrder).maxOrder(maxOrder).ballRadius(ball).maxMemoryBytes(memory.maxMemoryBytes());
        if (!json) {
            ob.progress(r -> {
                StatusLine.stderr().clear();
                System.out.println(r.summary());
            });
        }
        if (minOrder > 0 && minOrder < pop.minimumOrder()) {
            throw new IllegalArgumentException("--min-order " + minOrder + " is below k0 = " + pop.minimumOrder());
        }
        if (maxOrder > 0 && minOrder == 0 && maxOrder < pop.minimumOrder()) {
            throw new IllegalArgumentException("--max-order " + maxOrder + " is below k0 = " + pop.minimumOrder());
        }
        SparsityOptions sparsity = sparsityOptions.options();
        SdpSolver solver = SdpaExport.wrap(solverOptions.solver(), exportSdpa, minOrder > 0 && minOrder == maxOrder);
        SparsePopResult sr = new SparseMomentSosSolver(solver, ob.build(), sparsity).solve(pop);
        PopResult r = sr.result();
        double totalSeconds = (System.nanoTime() - t0) * 1e-9;
        StatusLine.stderr().clear();
        if (json) {
            Map<String, Object> out = PopJson.toJson(pop, r, readSeconds, totalSeconds);
            out.put("solver", solver.name());
            out.put("gapTolerance", gapTolerance);
            SparsityJson.add(out, sparsity, sr);
            System.out.println(Json.write(out));
        } else {
            SparsityJson.print(sr);
            printVerdict(pop, r);
        }
        return r.status() == PopStatus.CERTIFIED ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
    }

    private static void printVerdict(Pop pop, PopResult r) {
        var out = System.out;
        out.printf("status      %s%n", r.status());
        if (Double.isNaN(r.bound())) {
            out.printf("bound       none%n");
        } else {
            out.printf("bound       %.10g (%s)%n", r.bound(), r.boundVerified() ? "verified" : "numeric only");
        }
        if (r.isCertified()) {
            out.printf("certificate %s%n", r.certificate().jsonName());
        }
        out.printf("verdict     %s%n", r.message());
        if (!r.note().isEmpty()) {
            out.printf("note        %s%n", r.note());
        }
        for (CandidatePoint c : r.minimizers()) {
            out.printf("minimizer   %s  f = %.10g%n", point(pop, c.point()), c.objective());
        }
        if (r.status() != PopStatus.CERTIFIED) {
            for (CandidatePoint c : r.candidates()) {
                out.printf("candidate   %s  f = %.10g  %s%n", point(pop, c.point()), c.objective(),
                        c.feasible() ? "feasible" : "infeasible");
            }
        }
    }

    private static String point(Pop pop, double[] z) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < z.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(pop.variableNames().get(i)).append(" = ")
                    .append(String.format("%.8g", z[i]));
        }
        return sb.toString();
    }
}
