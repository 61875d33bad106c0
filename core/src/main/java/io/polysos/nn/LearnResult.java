package io.polysos.nn;

import io.polysos.moment.sparse.SparsePopResult;
import io.polysos.moment.Certificate;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link PolynomialLearner#learn}, grouped as the learned point, the bounds on the
 * loss, the local refinement and the timings.
 *
 * @param status      {@link PopStatus#CERTIFIED} (flat truncation held and every extracted point
 *                    was checked against the POP and against the numeric loss, or the loss at the
 *                    returned coefficients is within the gap tolerance of the verified bound),
 *                    {@link PopStatus#BOUND_ONLY} (a lower bound and an estimate, no certificate) or
 *                    {@link PopStatus#FAILED} (no usable relaxation solution)
 * @param certificate what certifies a CERTIFIED result: flat truncation, gap or both
 * @param order       the certified order, else the last order with a solution (-1 when none)
 * @param flat        whether flat truncation held at that order
 * @param ballActive  whether a bounding constraint is active at a reported point, so that a
 *                    certificate holds only inside the ball
 * @param point       the learned coefficients, the certified minimizers and the moment estimate
 * @param bounds      lower and upper bounds on the loss and their gap
 * @param refinement  the locally refined point ({@link Refinement#NONE} when refinement is off or FAILED)
 * @param orders      one record per order solved (bounds, ranks with spectra, flat order, times)
 * @param timings     seconds per phase
 * @param solver      the SDP backend's name and version
 * @param message     the hierarchy's plain-language verdict
 * @param note        what was not run and why (orders above the memory budget), "" when nothing
 */
public record LearnResult(PopStatus status, Certificate certificate, int order, boolean flat, boolean ballActive,
                          Point point, Bounds bounds, Refinement refinement, List<OrderRecord> orders,
                          Timings timings, String solver, String message, String note, SparsePopResult sparse) {

    /** A result without sparse-hierarchy details (the dense hierarchy). */
    public LearnResult(PopStatus status, Certificate certificate, int order, boolean flat, boolean ballActive,
            Point point, Bounds bounds, Refinement refinement, List<OrderRecord> orders, Timings timings,
            String solver, String message, String note) {
        this(status, certificate, order, flat, ballActive, point, bounds, refinement, orders, timings, solver, message,
                note, null);
    }

    /** @return this result with the sparse hierarchy's per-relaxation details (cliques, blocks, sizes) */
    public LearnResult withSparsity(SparsePopResult s) {
        return new LearnResult(status, certificate, order, flat, ballActive, point, bounds, refinement, orders, timings,
                solver, message, note, s);
    }

    /**
     * The learned point.
     *
     * @param names          the learned coefficient names
     * @param coefficients   the certified minimizer when certified (with several certified minimizers:
     *                       the one with the smallest numeric loss, ties to the first extracted), else
     *                       the moment estimate; null when FAILED
     * @param minimizers     every certified global minimizer (learned coefficients only), in extraction
     *                       order; empty unless CERTIFIED
     * @param momentEstimate the first-order moments (w_{e_1}, ..., w_{e_n}) of the order reported, the
     *                       paper's estimator; null when FAILED
     * @param theta          the epigraph variable of the returned point (NaN for lsq or FAILED)
     */
    public record Point(List<String> names, double[] coefficients, List<double[]> minimizers,
                        double[] momentEstimate, double theta) {
    }

    /**
     * Bounds on the loss.
     *
     * @param lower        the lower bound: {@link io.polysos.moment.PopResult#bound()} of the training
     *                     POP, verified when {@code verified}; NaN when FAILED
     * @param lowerNumeric the solver's own bound (dual objective), largest over the solved orders
     * @param verified     whether {@code lower} is verified (needs the ball)
     * @param upper        the smallest numeric loss found: at the coefficients or at the refined point
     *                     (NaN when FAILED)
     * @param gap          upper - lower
     */
    public record Bounds(double lower, double lowerNumeric, boolean verified, double upper, double gap) {
        /** No bounds (FAILED). */
        public static final Bounds NONE = new Bounds(Double.NaN, Double.NaN, false, Double.NaN, Double.NaN);
    }

    /**
     * The local refinement on the true loss.
     *
     * @param point the refined point (null when none)
     * @param loss  the numeric loss there (NaN when none)
     */
    public record Refinement(double[] point, double loss) {
        /** Not refined. */
        public static final Refinement NONE = new Refinement(null, Double.NaN);
    }

    /** Seconds per phase: compile, build, solve, extract, refine, total. */
    public record Timings(double compile, double build, double solve, double extract, double refine, double total) {

        /** @return the phases by name, in order (the {@code timings} object of the JSON output) */
        public Map<String, Double> toMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("compile", compile);
            m.put("build", build);
            m.put("solve", solve);
            m.put("extract", extract);
            m.put("refine", refine);
            m.put("total", total);
            return m;
        }
    }

    /** @return the result of a run without a usable relaxation solution */
    public static LearnResult failed(List<String> names, int order, List<OrderRecord> orders, Timings timings,
            String solver, String message, String note) {
        return new LearnResult(PopStatus.FAILED, Certificate.NONE, order, false, false,
                new Point(names, null, List.of(), null, Double.NaN), Bounds.NONE, Refinement.NONE, orders, timings,
                solver, message, note);
    }

    /** @return true when the global optimum is certified */
    public boolean isCertified() {
        return status == PopStatus.CERTIFIED;
    }

    /** @return {@link Point#coefficients()} */
    public double[] coefficients() {
        return point.coefficients();
    }

    /** @return {@link Point#minimizers()} */
    public List<double[]> minimizers() {
        return point.minimizers();
    }

    /** @return {@link Point#momentEstimate()} */
    public double[] momentEstimate() {
        return point.momentEstimate();
    }

    /** @return {@link Point#names()} */
    public List<String> names() {
        return point.names();
    }

    /** @return {@link Point#theta()} */
    public double theta() {
        return point.theta();
    }

    /** @return {@link Bounds#lower()} */
    public double lowerBound() {
        return bounds.lower();
    }

    /** @return {@link Bounds#lowerNumeric()} */
    public double lowerBoundNumeric() {
        return bounds.lowerNumeric();
    }

    /** @return {@link Bounds#verified()} */
    public boolean boundVerified() {
        return bounds.verified();
    }

    /** @return {@link Bounds#upper()} */
    public double upperBound() {
        return bounds.upper();
    }

    /** @return {@link Bounds#gap()} */
    public double gap() {
        return bounds.gap();
    }

    /** @return {@link Refinement#point()} */
    public double[] refined() {
        return refinement.point();
    }

    /** @return {@link Refinement#loss()} */
    public double refinedLoss() {
        return refinement.loss();
    }
}
