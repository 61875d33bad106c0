package io.polysos.nn;

import io.polysos.moment.Certificate;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopStatus;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link PolynomialLearner#learn}.
 *
 * @param status          {@link PopStatus#CERTIFIED} (flat truncation held and every extracted point
 *                        was checked against the POP and against the numeric loss, or the loss at
 *                        the returned coefficients is within the gap tolerance of the verified bound),
 *                        {@link PopStatus#BOUND_ONLY} (a lower bound and an estimate, no certificate)
 *                        or {@link PopStatus#FAILED} (no usable relaxation solution)
 * @param coefficients    the certified minimizer when certified (with several certified minimizers:
 *                        the one with the smallest numeric loss, ties to the first extracted), else
 *                        the moment estimate; null when FAILED
 * @param minimizers      every certified global minimizer (learned coefficients only), in extraction
 *                        order; empty unless CERTIFIED
 * @param momentEstimate  the first-order moments (w_{e_1}, ..., w_{e_n}) of the last solved order,
 *                        the paper's estimator; null when FAILED
 * @param names           the learned coefficient names
 * @param theta           the epigraph variable of the returned point (NaN for lsq or FAILED)
 * @param lowerBound      the lower bound on the loss: {@link io.polysos.moment.PopResult#bound()} of
 *                        the training POP, verified when {@code boundVerified}; NaN when FAILED
 * @param lowerBoundNumeric the solver's own bound (dual objective), largest over the solved orders
 * @param boundVerified   whether {@code lowerBound} is verified (needs the ball)
 * @param certificate     what certifies a CERTIFIED result: flat truncation, gap or both
 * @param upperBound      the smallest numeric loss found: at {@code coefficients} or at
 *                        {@code refined} (NaN when FAILED)
 * @param gap             upperBound - lowerBound
 * @param refined         the locally refined point (null when refinement is off or FAILED)
 * @param refinedLoss     the numeric loss at {@code refined} (NaN when none)
 * @param order           the certified order, else the last order with a solution
 * @param flat            whether flat truncation held at that order
 * @param ballActive      whether a bounding constraint is active at a reported point, so that a
 *                        certificate holds only inside the ball
 * @param orders          one record per order solved (bounds, ranks with spectra, flat order, times)
 * @param timings         seconds per phase: compile, build, solve, extract, refine, total
 * @param solver          the SDP backend's name and version
 * @param message         the hierarchy's plain-language verdict
 */
public record LearnResult(PopStatus status, double[] coefficients, List<double[]> minimizers, double[] momentEstimate,
                          List<String> names, double theta, double lowerBound, double lowerBoundNumeric,
                          boolean boundVerified, Certificate certificate, double upperBound, double gap,
                          double[] refined, double refinedLoss, int order, boolean flat, boolean ballActive,
                          List<OrderRecord> orders, Map<String, Double> timings, String solver, String message) {

    /** @return true when the global optimum is certified */
    public boolean isCertified() {
        return status == PopStatus.CERTIFIED;
    }
}
