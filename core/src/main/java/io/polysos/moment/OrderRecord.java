package io.polysos.moment;

import io.polysos.sdp.SdpStatus;
import java.util.List;

/**
 * What one order k of the hierarchy produced, grouped as bounds, flatness and timings.
 *
 * @param order k
 * @param sdpStatus the SDP solver's status
 * @param bounds the lower bounds of this order (verified and numeric) and the SOS diagnostics
 * @param momentMatrixSize C(n + k, k)
 * @param numMoments C(n + 2k, 2k)
 * @param flatness rank decisions, flat order and rank, extraction message
 * @param candidates checked points: the extracted atoms when flat, else the first-order moments
 * @param certified flat truncation holds, every extracted point is a checked global minimizer, and the
 *        solve is OPTIMAL or (INACCURATE_OPTIMAL with moment and SOS bounds within the objective tolerance)
 * @param firstMoments the first-order moments (w_{e_1}, ..., w_{e_n}) of the solution, the moment
 *        estimate of a minimizer (empty without a solution)
 * @param timings seconds spent building, solving and analysing
 * @param message the solver's message or a note
 */
public record OrderRecord(int order, SdpStatus sdpStatus, Bounds bounds, int momentMatrixSize, int numMoments,
        Flatness flatness, List<CandidatePoint> candidates, boolean certified, double[] firstMoments,
        Timings timings, String message) {

    /**
     * The bounds of one order.
     *
     * @param lowerBound the verified lower bound ({@link VerifiedBound}); NaN without a solution or when
     *        it cannot be verified (then {@code verified} is false and {@code note} says why)
     * @param lowerBoundNumeric the solver's bound: dual (SOS) objective + f_0 (NaN without a solution)
     * @param momentObjective the moment side c.y + f_0 (NaN without a solution); an approximately
     *        feasible moment vector bounds the optimum from above as much as from below
     * @param verified whether {@code lowerBound} is verified
     * @param eigenvalueTerm the part of the verification due to negative eigenvalues of the dual blocks
     * @param residualTerm the part due to the residuals of the dual equalities
     * @param note why the bound is numeric only ("" when verified)
     * @param sosResidual the SOS identity's max coefficient error (NaN when not computed)
     * @param minGramEigenvalue the smallest eigenvalue of the Gram matrices (NaN when not computed)
     */
    public record Bounds(double lowerBound, double lowerBoundNumeric, double momentObjective, boolean verified,
            double eigenvalueTerm, double residualTerm, String note, double sosResidual, double minGramEigenvalue) {

        /** No bounds (no solution). */
        public static final Bounds NONE = new Bounds(Double.NaN, Double.NaN, Double.NaN, false, Double.NaN,
                Double.NaN, "no solution", Double.NaN, Double.NaN);

        /** @return the verified bound when there is one, else the numeric bound */
        public double best() {
            return verified ? lowerBound : lowerBoundNumeric;
        }
    }

    /**
     * Flatness of one order.
     *
     * @param ranks rank decisions of M_t for t = 1..k (empty without a solution)
     * @param flatOrder the smallest t in [max(d_f, d_K), k] with rank M_{t-d_K} = rank M_t, or -1
     * @param flatRank rank M_t at the flat order (0 when not flat)
     * @param extraction the message of the extraction ("" when not attempted)
     */
    public record Flatness(List<RankDecision> ranks, int flatOrder, int flatRank, String extraction) {
        /** Not analysed (no solution). */
        public static final Flatness NONE = new Flatness(List.of(), -1, 0, "");
    }

    /**
     * @param build time to build the relaxation
     * @param solve time in the SDP solver
     * @param extraction time for ranks, extraction, checks, the certificate and the verified bound
     */
    public record Timings(double build, double solve, double extraction) {
    }

    /** @return the record of an order whose SDP produced no usable solution */
    public static OrderRecord unsolved(int order, SdpStatus status, int momentMatrixSize, int numMoments,
            double buildSeconds, double solveSeconds, String message) {
        return new OrderRecord(order, status, Bounds.NONE, momentMatrixSize, numMoments, Flatness.NONE, List.of(),
                false, new double[0], new Timings(buildSeconds, solveSeconds, 0.0), message);
    }

    /** @return the verified lower bound (NaN when not verified; see {@link Bounds#lowerBound()}) */
    public double lowerBound() {
        return bounds.lowerBound();
    }

    /** @return the solver's (numeric) lower bound, dual objective + f_0 */
    public double lowerBoundNumeric() {
        return bounds.lowerBoundNumeric();
    }

    public List<RankDecision> ranks() {
        return flatness.ranks();
    }

    public int flatOrder() {
        return flatness.flatOrder();
    }

    public int flatRank() {
        return flatness.flatRank();
    }

    public String extraction() {
        return flatness.extraction();
    }

    public double sosResidual() {
        return bounds.sosResidual();
    }

    public double minGramEigenvalue() {
        return bounds.minGramEigenvalue();
    }

    public double buildSeconds() {
        return timings.build();
    }

    public double solveSeconds() {
        return timings.solve();
    }

    public double extractionSeconds() {
        return timings.extraction();
    }

    /** @return a copy of the first-order moments */
    @Override
    public double[] firstMoments() {
        return firstMoments.clone();
    }

    /** @return the checked global minimizers among the candidates (only meaningful when certified) */
    public List<CandidatePoint> minimizers() {
        return candidates.stream().filter(CandidatePoint::isGlobalMinimizer).toList();
    }

    /** @return one line for logs: order, status, bounds, ranks, flatness */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("order ").append(order).append(": ").append(sdpStatus);
        if (!sdpStatus.hasSolution()) {
            sb.append(", no bound");
        } else if (bounds.verified()) {
            sb.append(String.format(", bound %.10g (verified; solver %.10g)", bounds.lowerBound(),
                    bounds.lowerBoundNumeric()));
        } else {
            sb.append(String.format(", bound %.10g (numeric only)", bounds.lowerBoundNumeric()));
        }
        sb.append(", M size ").append(momentMatrixSize).append(", moments ").append(numMoments);
        if (!ranks().isEmpty()) {
            sb.append(", ranks [");
            for (int i = 0; i < ranks().size(); i++) {
                sb.append(i == 0 ? "" : " ").append(ranks().get(i).rank());
            }
            sb.append(']');
        }
        sb.append(flatOrder() >= 0 ? ", flat at t=" + flatOrder() + " rank " + flatRank() : ", not flat");
        sb.append(certified ? ", CERTIFIED" : "");
        sb.append(String.format(", times build %.3fs solve %.3fs extract %.3fs", timings.build(), timings.solve(),
                timings.extraction()));
        return sb.toString();
    }
}
