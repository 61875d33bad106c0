package io.polysos.moment;

import io.polysos.sdp.SdpStatus;
import java.util.List;

/**
 * What one order k of the hierarchy produced.
 *
 * @param order k
 * @param sdpStatus the SDP solver's status
 * @param bound the lower bound (moment objective + f_0; NaN without a solution)
 * @param dualBound the SOS-side bound (dual objective + f_0; NaN without a solution)
 * @param momentMatrixSize C(n + k, k)
 * @param numMoments C(n + 2k, 2k)
 * @param ranks rank decisions of M_t for t = 1..k (empty without a solution)
 * @param flatOrder the smallest t in [max(d_f, d_K), k] with rank M_{t-d_K} = rank M_t, or -1
 * @param flatRank rank M_t at the flat order (0 when not flat)
 * @param extraction the message of the extraction ("" when not attempted)
 * @param candidates checked points: the extracted atoms when flat, else the first-order moments
 * @param certified flat truncation holds, every extracted point is a checked global minimizer, and the
 *        solve is OPTIMAL or (INACCURATE_OPTIMAL with moment and SOS bounds within the objective tolerance)
 * @param sosResidual the SOS identity's max coefficient error (NaN when not computed)
 * @param minGramEigenvalue the smallest eigenvalue of the Gram matrices (NaN when not computed)
 * @param buildSeconds time to build the relaxation
 * @param solveSeconds time in the SDP solver
 * @param extractionSeconds time for ranks, extraction, checks and the certificate
 * @param message the solver's message or a note
 */
public record OrderRecord(int order, SdpStatus sdpStatus, double bound, double dualBound, int momentMatrixSize,
        int numMoments, List<RankDecision> ranks, int flatOrder, int flatRank, String extraction,
        List<CandidatePoint> candidates, boolean certified, double sosResidual, double minGramEigenvalue,
        double buildSeconds, double solveSeconds, double extractionSeconds, String message) {

    /** @return the checked global minimizers among the candidates (only meaningful when certified) */
    public List<CandidatePoint> minimizers() {
        return candidates.stream().filter(CandidatePoint::isGlobalMinimizer).toList();
    }

    /** @return one line for logs: order, status, bound, ranks, flatness */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("order ").append(order).append(": ").append(sdpStatus)
                .append(", bound ").append(String.format("%.8g", bound))
                .append(", M size ").append(momentMatrixSize).append(", moments ").append(numMoments);
        if (!ranks.isEmpty()) {
            sb.append(", ranks [");
            for (int i = 0; i < ranks.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(ranks.get(i).rank());
            }
            sb.append(']');
        }
        sb.append(flatOrder >= 0 ? ", flat at t=" + flatOrder + " rank " + flatRank : ", not flat");
        sb.append(certified ? ", CERTIFIED" : "");
        sb.append(String.format(", times build %.3fs solve %.3fs extract %.3fs", buildSeconds, solveSeconds,
                extractionSeconds));
        return sb.toString();
    }
}
