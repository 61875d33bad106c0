package io.polysos.nn;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns the activation coefficients of a {@link PolynomialNetwork} with the Moment-SOS
 * hierarchy: compile the loss into a POP ({@link TrainingCompiler}), add the redundant ball
 * R^2 - |z|^2 &gt;= 0 (on by default, {@link LearnOptions#DEFAULT_BALL_RADIUS}), solve the
 * dense moment relaxations of order k (fixed, or k0, k0+1, ... until certified), read the
 * first-order moments, test flat truncation (rank M_t = rank M_{t - d_K} for some
 * t in [max(d_f, d_K), k]) and, when it holds with rank 1, check the point against the true
 * loss before calling it certified. The upper bound is the true loss at the returned point,
 * improved by a Nelder-Mead refinement started there (reported separately).
 */
public final class PolynomialLearner {

    /** Relative tolerance of the certificate check L(c*) - lowerBound &lt;= tol * (1 + |lowerBound|). */
    public static final double DEFAULT_CERTIFICATE_TOLERANCE = 1e-6;
    /** Nelder-Mead evaluation budget of the refinement. */
    public static final int DEFAULT_REFINE_EVALUATIONS = 2000;

    private PolynomialLearner() {
    }

    /** Learns the instance's training data with the given options. */
    public static LearnResult learn(NetworkInstance inst, LearnOptions options) {
        return learn(inst.network(), inst.train(), options);
    }

    /**
     * Learns c.
     *
     * @param net     the network
     * @param data    training data (not modified)
     * @param options options
     */
    public static LearnResult learn(PolynomialNetwork net, Dataset data, LearnOptions options) {
        long tStart = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        TrainingProblem tp = TrainingCompiler.compile(net, data, options.loss());
        Pop pop = tp.toPop(options.ballRadius());
        timings.put("compile", secs(tStart));
        options.progress().accept("compiled " + tp);
        SdpSolver solver = options.solver() != null ? options.solver()
                : SdpSolvers.discover().getOrDefault(options.solverName());
        int n = net.numLearned();
        int k0 = pop.minimumOrder();
        int first = options.order() > 0 ? Math.max(options.order(), k0) : k0;
        int last = options.order() > 0 ? first : Math.max(options.maxOrder(), k0);
        int dK = 1;
        for (Polynomial g : pop.inequalities()) {
            dK = Math.max(dK, Pop.ceilHalf(g.degree()));
        }
        for (Polynomial h : pop.equalities()) {
            dK = Math.max(dK, Pop.ceilHalf(h.degree()));
        }
        int df = Pop.ceilHalf(pop.objective().degree());
        List<LearnResult.OrderRecord> records = new ArrayList<>();
        double build = 0;
        double solve = 0;
        double extract = 0;
        double[] z = null;
        double bound = Double.NaN;
        boolean flat = false;
        boolean certified = false;
        int orderReached = first;
        for (int k = first; k <= last; k++) {
            long t0 = System.nanoTime();
            DenseMomentRelaxation rel = DenseMomentRelaxation.build(pop, k);
            double tb = secs(t0);
            options.progress().accept("order " + k + ": moment matrix " + rel.momentMatrixSize() + ", "
                    + (rel.sdp().numVariables() + 1) + " moments, " + rel.sdp().numBlocks() + " blocks");
            long t1 = System.nanoTime();
            SdpSolution sol = solver.solve(rel.sdp(), options.sdpOptions());
            double ts = secs(t1);
            long t2 = System.nanoTime();
            build += tb;
            solve += ts;
            orderReached = k;
            boolean usable = sol.status().hasSolution() && (sol.status().isOptimal() || sol.status().isInaccurate());
            double lb = Double.NaN;
            int[] ranks = new int[0];
            boolean flatK = false;
            if (usable) {
                lb = (Double.isFinite(sol.dualObjective()) ? sol.dualObjective() : sol.primalObjective())
                        + rel.objectiveConstant();
                double[] zk = rel.firstOrderMoments(sol.y());
                ranks = new int[k + 1];
                for (int t = 0; t <= k; t++) {
                    double[] spec = t == 0 ? new double[] {1} : rel.momentSpectrum(sol.y(), t);
                    ranks[t] = t == 0 ? 1 : DenseMomentRelaxation.numericalRank(spec, options.rankTolerance());
                }
                int rankAtFlat = -1;
                for (int t = Math.max(df, dK); t <= k; t++) {
                    if (t - dK >= 0 && ranks[t] == ranks[t - dK]) {
                        flatK = true;
                        rankAtFlat = ranks[t];
                        break;
                    }
                }
                z = zk;
                bound = lb;
                flat = flatK;
                certified = flatK && rankAtFlat == 1 && sol.status().isOptimal() && checks(tp, pop, zk, lb);
            } else {
                z = null;
                bound = Double.NaN;
                flat = false;
                certified = false;
            }
            double te = secs(t2);
            extract += te;
            records.add(new LearnResult.OrderRecord(k, rel.momentMatrixSize(), rel.sdp().numVariables() + 1,
                    sol.status().name(), lb, ranks, flatK, tb, ts, sol.iterations()));
            options.progress().accept("order " + k + ": " + sol.status() + ", bound " + lb + ", ranks "
                    + java.util.Arrays.toString(ranks) + (flatK ? ", flat" : ", not flat") + String.format(" (%.2f s)", ts));
            if (certified) {
                break;
            }
        }
        timings.put("build", build);
        timings.put("solve", solve);
        timings.put("extract", extract);
        String solverId = solver.name() + " " + solver.version();
        if (z == null) {
            timings.put("refine", 0.0);
            timings.put("total", secs(tStart));
            return new LearnResult(LearnResult.Status.FAILED, null, net.coefficientNames(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, null, Double.NaN, orderReached, false, false, records, timings, solverId);
        }
        double[] c = java.util.Arrays.copyOf(z, n);
        double theta = options.loss().hasTheta() ? z[n] : Double.NaN;
        double loss = safeLoss(tp, c);
        long tr = System.nanoTime();
        double[] refined = null;
        double refinedLoss = Double.NaN;
        if (options.refine() && Double.isFinite(loss)) {
            double step = Math.max(1e-3, 10 * Math.max(loss, 0) + 1e-4);
            refined = LocalSearch.nelderMead(x -> safeLoss(tp, x), c, Math.min(step, 0.05), DEFAULT_REFINE_EVALUATIONS);
            refinedLoss = safeLoss(tp, refined);
        }
        timings.put("refine", secs(tr));
        double upper = Double.isFinite(refinedLoss) ? Math.min(loss, refinedLoss) : loss;
        double r2 = options.ballRadius() * options.ballRadius();
        double zz = 0;
        for (double v : z) {
            zz += v * v;
        }
        boolean ballActive = r2 > 0 && r2 - zz <= 1e-6 * r2;
        timings.put("total", secs(tStart));
        LearnResult.Status st = certified ? LearnResult.Status.CERTIFIED : LearnResult.Status.BOUND_ONLY;
        return new LearnResult(st, c, net.coefficientNames(), theta, bound, upper, upper - bound, refined, refinedLoss,
                orderReached, flat, ballActive, records, timings, solverId);
    }

    /** The rank-1 candidate is feasible (to tolerance) and its true loss meets the bound. */
    private static boolean checks(TrainingProblem tp, Pop pop, double[] z, double bound) {
        double tol = DEFAULT_CERTIFICATE_TOLERANCE;
        double[] c = java.util.Arrays.copyOf(z, tp.numLearned());
        double loss = safeLoss(tp, c);
        if (!(loss - bound <= tol * (1 + Math.abs(bound)))) {
            return false;
        }
        double[] point = tp.pointOf(c);
        for (Polynomial g : pop.inequalities()) {
            if (g.evaluate(point) < -tol * (1 + g.maxAbsCoefficient())) {
                return false;
            }
        }
        return true;
    }

    private static double safeLoss(TrainingProblem tp, double[] c) {
        try {
            double v = tp.lossAt(c);
            return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        } catch (IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
