package io.polysos.nn;

import io.polysos.moment.CandidatePoint;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.sparse.SparseMomentSosSolver;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopResult;
import io.polysos.moment.PopStatus;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns the activation coefficients of a {@link PolynomialNetwork} with the Moment-SOS
 * hierarchy of {@code io.polysos.moment}: compile the loss into a POP
 * ({@link TrainingCompiler}), hand it to {@link MomentSosSolver} with the redundant ball
 * R^2 - |z|^2 &gt;= 0 over z = (c, theta) (on by default, {@link LearnOptions#DEFAULT_BALL_RADIUS},
 * R^2 = 100), and turn its {@link PopResult} into a {@link LearnResult}:
 * <ul>
 *   <li>lower bound: the SOS (dual) side &lt;F_0, Y&gt; + f_0 of the relaxation, the largest over
 *       the solved orders ({@link OrderRecord#dualBound()}); the moment side c.y + f_0
 *       ({@link PopResult#bound()}) is used only when a solution has no finite dual value. A
 *       dual feasible Y bounds the SDP value, hence the POP minimum, from below, while a
 *       moment vector y only bounds it from above (on the noisy t1 and t4 instances the pure
 *       backend's moment side lies 1.3e-6 and 7e-7 relative above the reference bound, above the
 *       refined upper bound on t4, while the SOS side is within 2e-7 of it);
 *   <li>certificate: the hierarchy's (flat truncation, every extracted atom feasible and
 *       attaining the bound), confirmed here by the numeric loss of each minimizer,
 *       L(c*) - bound &lt;= tol max(1, |bound|); a minimizer failing that demotes the result to
 *       BOUND_ONLY;
 *   <li>coefficients: the certified minimizer (the one of smallest numeric loss when several),
 *       else the moment estimate (first-order moments, the paper's estimator);
 *   <li>upper bound: the numeric loss at the coefficients, improved by a Nelder-Mead
 *       refinement started there (reported separately as {@code refined}); gap = upper - lower.
 * </ul>
 */
public final class PolynomialLearner {

    /** Nelder-Mead evaluation budget of the refinement. */
    public static final int DEFAULT_REFINE_EVALUATIONS = 2000;

    private PolynomialLearner() {
    }

    /** Learns the instance's training data with the given options. */
    public static LearnResult learn(NetworkInstance inst, LearnOptions options) {
        return learn(inst.network(), inst.train(), options);
    }

    /** @return the hierarchy options the learner uses for these learner options */
    /**
     * The caller's SDP options with {@link LearnOptions#DEFAULT_SDP_TOLERANCE} for any tolerance
     * left unset. Interior-point and splitting methods measure the gap relative to
     * 1 + |objective|, which is an absolute measure for training losses at noise level
     * (about 1e-3 here): 1e-10 keeps the reported lower bound within about 1e-7 (relative) of
     * the relaxation's optimum, where the hierarchy's general 1e-8 would allow 1e-5.
     */
    static SdpOptions sdpOptions(SdpOptions o) {
        return MomentSosSolver.withDefaultTolerance(o, LearnOptions.DEFAULT_SDP_TOLERANCE);
    }

    public static HierarchyOptions hierarchyOptions(LearnOptions options) {
        HierarchyOptions.Builder h = HierarchyOptions.builder()
                .ballRadius(options.ballRadius())
                .rankStrategy(options.rankStrategy())
                .feasibilityTolerance(options.tolerance())
                .objectiveTolerance(options.tolerance())
                .sdpOptions(sdpOptions(options.sdpOptions()))
                .progress(r -> options.progress().accept(r.summary()));
        if (options.order() > 0) {
            h.order(options.order());
        } else {
            h.maxOrder(options.maxOrder());
        }
        return h.build();
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
        Pop pop = tp.toPop();
        timings.put("compile", secs(tStart));
        options.progress().accept("compiled " + tp);
        SdpSolver base = options.solver() != null ? options.solver()
                : SdpSolvers.discover().getOrDefault(options.solverName());
        Recording solver = new Recording(base);
        HierarchyOptions hopt = hierarchyOptions(options);
        if (options.order() > 0 && options.order() < pop.minimumOrder()) {
            hopt = hopt.toBuilder().order(pop.minimumOrder()).build();
        } else if (options.order() == 0 && options.maxOrder() < pop.minimumOrder()) {
            hopt = hopt.toBuilder().maxOrder(pop.minimumOrder()).build();
        }
        PopResult pr = new SparseMomentSosSolver(solver, hopt, options.sparsity()).solve(pop).result();
        double build = 0;
        double solve = 0;
        double extract = 0;
        for (OrderRecord r : pr.orders()) {
            build += r.buildSeconds();
            solve += r.solveSeconds();
            extract += r.extractionSeconds();
        }
        timings.put("build", build);
        timings.put("solve", solve);
        timings.put("extract", extract);
        String solverId = base.name() + " " + base.version();
        int n = net.numLearned();
        if (pr.status() == PopStatus.FAILED) {
            timings.put("refine", 0.0);
            timings.put("total", secs(tStart));
            return new LearnResult(PopStatus.FAILED, null, List.of(), null, net.coefficientNames(), Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, pr.order(), false, false, pr.orders(),
                    timings, solverId, pr.message());
        }
        OrderRecord at = recordOf(pr);
        double[] w1 = solver.firstOrderMoments(pr.orders().indexOf(at), pop.numVariables());
        double[] estimate = Arrays.copyOf(w1, n);
        PopStatus status = pr.status();
        String message = pr.message();
        double bound = lowerBound(pr);
        double tolLoss = options.tolerance() * Math.max(1, Math.abs(bound));
        List<double[]> minimizers = new ArrayList<>();
        double[] c = estimate;
        double[] point = w1;
        if (status == PopStatus.CERTIFIED) {
            double best = Double.POSITIVE_INFINITY;
            for (CandidatePoint m : pr.minimizers()) {
                double[] cm = Arrays.copyOf(m.point(), n);
                double l = safeLoss(tp, cm);
                if (!(l - bound <= tolLoss)) {
                    status = PopStatus.BOUND_ONLY;
                    message = "flat truncation held but an extracted point has numeric loss " + l + " above the bound "
                            + bound + ": not certified";
                    minimizers.clear();
                    c = estimate;
                    point = w1;
                    break;
                }
                minimizers.add(cm);
                if (l < best) {
                    best = l;
                    c = cm;
                    point = m.point();
                }
            }
        }
        double theta = options.loss().hasTheta() ? point[n] : Double.NaN;
        double loss = safeLoss(tp, c);
        long tr = System.nanoTime();
        double[] refined = null;
        double refinedLoss = Double.NaN;
        if (options.refine() && Double.isFinite(loss)) {
            double step = Math.min(0.05, Math.max(1e-3, 10 * Math.max(loss, 0) + 1e-4));
            refined = LocalSearch.nelderMead(x -> safeLoss(tp, x), c, step, DEFAULT_REFINE_EVALUATIONS);
            refinedLoss = safeLoss(tp, refined);
        }
        timings.put("refine", secs(tr));
        double upper = Double.isFinite(refinedLoss) ? Math.min(loss, refinedLoss) : loss;
        timings.put("total", secs(tStart));
        return new LearnResult(status, c, List.copyOf(minimizers), estimate, net.coefficientNames(), theta, bound,
                upper, upper - bound, refined, refinedLoss, pr.order(), at.flatOrder() >= 0, pr.boundingActive(),
                pr.orders(), timings, solverId, message);
    }

    /** The largest finite SOS-side bound over the solved orders, else the moment-side bound. */
    static double lowerBound(PopResult pr) {
        double best = Double.NEGATIVE_INFINITY;
        for (OrderRecord r : pr.orders()) {
            if (r.sdpStatus().hasSolution() && Double.isFinite(r.dualBound())) {
                best = Math.max(best, r.dualBound());
            }
        }
        return Double.isFinite(best) ? best : pr.bound();
    }

    /** The record of the order the result refers to (the certified one, else the last with a solution). */
    private static OrderRecord recordOf(PopResult pr) {
        for (int i = pr.orders().size() - 1; i >= 0; i--) {
            if (pr.orders().get(i).order() == pr.order()) {
                return pr.orders().get(i);
            }
        }
        throw new IllegalStateException("no record of order " + pr.order());
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

    /**
     * Passes every solve to a backend and keeps each solution's moments of degree 1, in call
     * order (the driver solves each order once, so solve i belongs to order record i). By
     * {@link io.polysos.moment.MomentRelaxation}'s layout, SDP variable i - 1 is the moment of
     * the monomial of rank i, and ranks 1..n are z_1..z_n.
     */
    private static final class Recording implements SdpSolver {
        private final SdpSolver inner;
        private final List<double[]> firstMoments = new ArrayList<>();

        Recording(SdpSolver inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String version() {
            return inner.version();
        }

        @Override
        public SdpSolution solve(SdpProblem problem, SdpOptions options) {
            SdpSolution s = inner.solve(problem, options);
            double[] y = s.y();
            firstMoments.add(y == null ? null : y.clone());
            return s;
        }

        double[] firstOrderMoments(int solve, int n) {
            double[] y = solve >= 0 && solve < firstMoments.size() ? firstMoments.get(solve) : null;
            if (y == null || y.length < n) {
                throw new IllegalStateException("no solution recorded for solve " + solve);
            }
            return Arrays.copyOf(y, n);
        }
    }
}
