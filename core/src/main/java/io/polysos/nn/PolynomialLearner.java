package io.polysos.nn;

import io.polysos.moment.CandidatePoint;
import io.polysos.moment.Certificate;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.sparse.SparseMomentSosSolver;
import io.polysos.moment.sparse.SparsePopResult;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopResult;
import io.polysos.moment.PopStatus;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Learns the activation coefficients of a {@link PolynomialNetwork} with the Moment-SOS
 * hierarchy of {@code io.polysos.moment}: compile the loss into a POP
 * ({@link TrainingCompiler}), hand it to {@link MomentSosSolver} with the redundant ball
 * R^2 - |z|^2 &gt;= 0 over z = (c, theta) (on by default, {@link LearnOptions#DEFAULT_BALL_RADIUS},
 * R^2 = 100), and turn its {@link PopResult} into a {@link LearnResult}:
 * <ul>
 *   <li>lower bound: {@link PopResult#bound()}, the same quantity as for any POP: the verified
 *       lower bound of the relaxation ({@link io.polysos.moment.VerifiedBound}, from the SOS
 *       side, finite thanks to the ball), the largest over the solved orders; the solver's own
 *       number is kept as {@code lowerBoundNumeric};
 *   <li>certificate: flat truncation (every extracted atom feasible and attaining the bound),
 *       confirmed here by the numeric loss of each minimizer, L(c*) - bound &lt;= tol max(1, |bound|)
 *       (a minimizer failing that withdraws it); or the gap: the returned (or refined)
 *       coefficients c, with theta = L(c), are a feasible point of the POP inside the ball, so
 *       L(c) - (verified bound) &lt;= {@link LearnOptions#gapTolerance()} (1 + L(c)) proves c
 *       globally optimal within the ball up to that tolerance;
 *   <li>coefficients: the certified minimizer (the one of smallest numeric loss when several),
 *       the point that closes the gap when only the gap certifies, else the moment estimate
 *       (first-order moments, the paper's estimator);
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

    /**
     * @return the hierarchy options the learner runs with: the options' hierarchy, with the
     *         learner's SDP tolerance where unset and each order's record also reported as a
     *         progress line
     */
    public static HierarchyOptions hierarchyOptions(LearnOptions options) {
        HierarchyOptions h = options.hierarchy();
        return h.toBuilder().sdpOptions(sdpOptions(h.sdpOptions())).progress(r -> {
            h.progress().accept(r);
            options.progress().accept(r.summary());
        }).build();
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
        TrainingProblem tp = TrainingCompiler.compile(net, data, options.loss());
        Pop pop = tp.toPop();
        double compile = secs(tStart);
        options.progress().accept("compiled " + tp);
        SdpSolver solver = options.solver() != null ? options.solver()
                : SdpSolvers.discover().getOrDefault(options.solverName());
        SparsePopResult spr = new SparseMomentSosSolver(solver, hierarchyOptions(options), options.sparsity()).solve(pop);
        PopResult pr = spr.result();
        double build = 0;
        double solve = 0;
        double extract = 0;
        for (OrderRecord r : pr.orders()) {
            build += r.buildSeconds();
            solve += r.solveSeconds();
            extract += r.extractionSeconds();
        }
        String solverId = solver.name() + " " + solver.version();
        int n = net.numLearned();
        if (pr.status() == PopStatus.FAILED || pr.status() == PopStatus.UNBOUNDED) {
            return LearnResult.failed(net.coefficientNames(), pr.order(), pr.orders(),
                    new LearnResult.Timings(compile, build, solve, extract, 0.0, secs(tStart)), solverId, pr.message(),
                    pr.note()).withSparsity(spr);
        }
        OrderRecord at = recordOf(pr);
        double[] w1 = at.firstMoments();
        double[] estimate = Arrays.copyOf(w1, n);
        double bound = pr.bound();
        double tolLoss = options.tolerance() * Math.max(1, Math.abs(bound));
        List<double[]> minimizers = new ArrayList<>();
        double[] c = estimate;
        double[] point = w1;
        boolean flat = pr.certificate() == Certificate.FLAT_TRUNCATION || pr.certificate() == Certificate.BOTH;
        String demoted = "";
        if (flat) {
            double best = Double.POSITIVE_INFINITY;
            for (CandidatePoint m : pr.minimizers()) {
                double[] cm = Arrays.copyOf(m.point(), n);
                double l = safeLoss(tp, cm);
                if (!(l - bound <= tolLoss)) {
                    flat = false;
                    demoted = "; flat truncation held but an extracted point has numeric loss " + l
                            + " above the bound";
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
        LearnResult.Refinement refinement = LearnResult.Refinement.NONE;
        if (options.refine() && Double.isFinite(loss)) {
            double step = Math.min(0.05, Math.max(1e-3, 10 * Math.max(loss, 0) + 1e-4));
            double[] refined = LocalSearch.nelderMead(x -> safeLoss(tp, x), c, step, DEFAULT_REFINE_EVALUATIONS);
            refinement = new LearnResult.Refinement(refined, safeLoss(tp, refined));
        }
        double refineSeconds = secs(tr);
        boolean refinedBetter = Double.isFinite(refinement.loss()) && refinement.loss() < loss;
        double upper = refinedBetter ? refinement.loss() : loss;
        double[] feasible = refinedBetter ? refinement.point() : c;
        // certification by gap: (c, theta = L(c)) is feasible for the POP when it lies in the ball
        boolean gap = pr.boundVerified() && Double.isFinite(upper)
                && upper - bound <= options.gapTolerance() * (1 + Math.abs(upper))
                && insideBall(feasible, options.loss().hasTheta() ? upper : Double.NaN, options.ballRadius());
        Certificate cert = Certificate.of(flat, gap);
        PopStatus status = cert.certifies() ? PopStatus.CERTIFIED : PopStatus.BOUND_ONLY;
        if (gap && !flat) {
            c = feasible.clone();
            minimizers.add(c);
            theta = options.loss().hasTheta() ? upper : Double.NaN;
        }
        LearnResult.Timings timings = new LearnResult.Timings(compile, build, solve, extract, refineSeconds,
                secs(tStart));
        String message = message(status, cert, pr.order(), bound, pr.boundVerified(), upper, upper - bound, pr)
                + demoted;
        return new LearnResult(status, cert, pr.order(), at.flatOrder() >= 0, pr.boundingActive(),
                new LearnResult.Point(net.coefficientNames(), c, List.copyOf(minimizers), estimate, theta),
                new LearnResult.Bounds(bound, pr.boundNumeric(), pr.boundVerified(), upper, upper - bound),
                refinement, pr.orders(), timings, solverId, message, pr.note(), spr);
    }

    /** The learner's verdict, formatted from the result's fields only. */
    private static String message(PopStatus status, Certificate cert, int order, double lower, boolean verified,
            double upper, double gap, PopResult pr) {
        // the note of the record the reported bound comes from (under term sparsity an order has
        // several steps, and a later unsolved one says "no solution")
        String note = "";
        for (io.polysos.moment.OrderRecord r : pr.orders()) {
            if (r.order() == order && (note.isEmpty() || Double.compare(r.bounds().best(), lower) == 0)) {
                note = r.bounds().note() == null ? "" : r.bounds().note();
            }
        }
        // bound notes say "numeric only: <why>" themselves (as MomentSosSolver quotes them)
        String why = note == null || note.isEmpty() ? "numeric only" : note;
        String lb = String.format(Locale.ROOT, "lower bound %.10g (%s)", lower, verified ? "verified" : why);
        String ub = String.format(Locale.ROOT, "loss %.10g, gap %.3e", upper, gap);
        if (status == PopStatus.CERTIFIED) {
            return "global optimum certified at order " + order + " by " + cert.jsonName() + ": " + ub + ", " + lb;
        }
        return "not certified at order " + order + ": " + lb + ", best " + ub;
    }

    /** @return whether |c|^2 + theta^2 &lt;= R^2 with a relative margin (theta NaN: absent; R = 0: no ball) */
    static boolean insideBall(double[] c, double theta, double radius) {
        if (radius <= 0) {
            return true;
        }
        double s = Double.isNaN(theta) ? 0 : theta * theta;
        for (double v : c) {
            s += v * v;
        }
        return s <= radius * radius * (1 - 1e-12);
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
}
