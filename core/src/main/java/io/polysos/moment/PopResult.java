package io.polysos.moment;

import java.util.List;

/**
 * The outcome of the hierarchy on one problem.
 *
 * @param status CERTIFIED, BOUND_ONLY, UNBOUNDED or FAILED
 * @param bound the lower bound: the largest verified bound over the solved orders
 *        ({@link VerifiedBound}) when {@code boundVerified}, else the largest numeric one (the
 *        solver's dual objective + f_0, or min(moment, SOS side) for an inaccurate solve); NaN
 *        when FAILED, -infinity when UNBOUNDED
 * @param boundNumeric the largest numeric (solver's) bound over the solved orders
 * @param boundVerified whether {@code bound} is verified (false without a bounding constraint)
 * @param certificate what proves a CERTIFIED result: flat truncation, the gap, or both (NONE otherwise)
 * @param order the certified order, else the last order with a solution (-1 when none)
 * @param minimizers checked global minimizers (empty unless CERTIFIED): the extracted points when
 *        flat truncation certifies, else the feasible point that closes the gap
 * @param candidates the checked points: when CERTIFIED those of the certified order, else those of
 *        every solved order, in order
 * @param bestFeasibleObjective the smallest objective among feasible candidates (an upper bound on the
 *        optimum; NaN when none)
 * @param gap bestFeasibleObjective - bound (NaN when there is no feasible candidate)
 * @param boundingActive a bounding constraint is active at a reported point: the certificate
 *        holds only inside the bound
 * @param orders every order's record, in order
 * @param message a plain-language verdict, formatted from the fields above
 * @param note what was not run and why (orders above the memory budget), "" when nothing
 */
public record PopResult(PopStatus status, double bound, double boundNumeric, boolean boundVerified,
        Certificate certificate, int order, List<CandidatePoint> minimizers, List<CandidatePoint> candidates,
        double bestFeasibleObjective, double gap, boolean boundingActive, List<OrderRecord> orders, String message,
        String note) {

    /** A result with nothing left out (no note). */
    public PopResult(PopStatus status, double bound, double boundNumeric, boolean boundVerified,
            Certificate certificate, int order, List<CandidatePoint> minimizers, List<CandidatePoint> candidates,
            double bestFeasibleObjective, double gap, boolean boundingActive, List<OrderRecord> orders,
            String message) {
        this(status, bound, boundNumeric, boundVerified, certificate, order, minimizers, candidates,
                bestFeasibleObjective, gap, boundingActive, orders, message, "");
    }

    /** @return this result with the note (see {@link #note()}) */
    public PopResult withNote(String newNote) {
        return new PopResult(status, bound, boundNumeric, boundVerified, certificate, order, minimizers, candidates,
                bestFeasibleObjective, gap, boundingActive, orders, message, newNote);
    }

    /** @return true when the global optimum is certified */
    public boolean isCertified() {
        return status == PopStatus.CERTIFIED;
    }
}
