package io.polysos.nn;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link PolynomialLearner#learn}.
 *
 * @param status            CERTIFIED (flat truncation with rank 1 and the point checked against
 *                          the loss), BOUND_ONLY (a lower bound and a moment estimate, no
 *                          certificate) or FAILED (no usable relaxation solution)
 * @param coefficients      the certified minimizer, else the moment estimate (first-order moments,
 *                          the paper's estimator); null when FAILED
 * @param names             the learned coefficient names
 * @param theta             the epigraph variable's first-order moment (NaN for lsq or FAILED)
 * @param lowerBound        the relaxation's lower bound on the loss (NaN when FAILED)
 * @param upperBound        the smallest true loss found: at {@code coefficients} or at
 *                          {@code refined} (NaN when FAILED)
 * @param gap               upperBound - lowerBound
 * @param refined           the locally refined point (null when refinement is off or FAILED)
 * @param refinedLoss       the true loss at {@code refined} (NaN when none)
 * @param order             the order of the last relaxation solved
 * @param flat              whether flat truncation held at that order
 * @param ballActive        whether the ball bound is active (within 1e-6 relative) at the returned
 *                          point, so that a certificate holds only inside the ball
 * @param orders            one record per order solved
 * @param timings           seconds per phase: compile, build, solve, extract, refine, total
 * @param solver            the SDP backend's name and version
 */
public record LearnResult(Status status, double[] coefficients, List<String> names, double theta, double lowerBound,
                          double upperBound, double gap, double[] refined, double refinedLoss, int order, boolean flat,
                          boolean ballActive, List<OrderRecord> orders, Map<String, Double> timings, String solver) {

    /** Certificate status. */
    public enum Status {
        CERTIFIED, BOUND_ONLY, FAILED
    }

    /**
     * One order of the hierarchy.
     *
     * @param order            k
     * @param momentMatrixSize size of M_k
     * @param moments          number of moments (SDP variables + 1)
     * @param sdpStatus        the solver's status name
     * @param lowerBound       the relaxation value (NaN when not solved)
     * @param ranks            numerical ranks of M_0..M_k
     * @param flat             whether flat truncation holds
     * @param buildSeconds     relaxation build time
     * @param solveSeconds     SDP time
     * @param iterations       solver iterations
     */
    public record OrderRecord(int order, int momentMatrixSize, int moments, String sdpStatus, double lowerBound,
                              int[] ranks, boolean flat, double buildSeconds, double solveSeconds, int iterations) {
    }
}
