package io.polysos.moment;

import java.util.List;

/**
 * The outcome of the hierarchy on one problem.
 *
 * @param status CERTIFIED, BOUND_ONLY or FAILED
 * @param bound the best lower bound (the certified optimum when CERTIFIED; NaN when FAILED); when
 *        not certified, the maximum over solved orders of the moment bound, or of
 *        min(moment bound, SOS bound) for an inaccurate solve
 * @param order the certified order, else the last order with a solution (-1 when none)
 * @param minimizers checked global minimizers (empty unless CERTIFIED)
 * @param candidates the checked points: when CERTIFIED those of the certified order, else those of
 *        every solved order, in order
 * @param bestFeasibleObjective the smallest objective among feasible candidates (an upper bound on the
 *        optimum; NaN when none)
 * @param gap bestFeasibleObjective - bound (NaN when there is no feasible candidate)
 * @param boundingActive a bounding constraint is active at a reported point: the certificate
 *        holds only inside the bound
 * @param orders every order's record, in order
 * @param message a plain-language verdict
 */
public record PopResult(PopStatus status, double bound, int order, List<CandidatePoint> minimizers,
        List<CandidatePoint> candidates, double bestFeasibleObjective, double gap, boolean boundingActive,
        List<OrderRecord> orders, String message) {

    /** @return true when the global optimum is certified */
    public boolean isCertified() {
        return status == PopStatus.CERTIFIED;
    }
}
