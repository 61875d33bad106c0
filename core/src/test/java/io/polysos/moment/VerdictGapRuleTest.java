package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict's certification rule on hand-made records: flat truncation only when it was
 * tested, otherwise only an exactly feasible point within the gap tolerance of a verified bound.
 */
class VerdictGapRuleTest {

    /** min x^2 + y^2 subject to 1 - x^2 - y^2 &gt;= 0 (optimum 0 at the origin). */
    private static final Pop POP = PopReader.parse("{\"format\":\"polysos-pop/1\",\"name\":\"disk\","
            + "\"variables\":[\"x\",\"y\"],\"minimize\":\"x^2 + y^2\",\"subjectTo\":[\"1 - x^2 - y^2 >= 0\"]}")
            .problem();

    private static MomentSosSolver driver(double gapTolerance) {
        return new MomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().gapTolerance(gapTolerance).build());
    }

    private static CandidatePoint point(double objective, double violation) {
        // feasible and attaining the bound within the check's tolerances (1e-5) in every case here
        return new CandidatePoint(new double[] {0, 0}, objective, violation, 0, true, true, false);
    }

    private static OrderRecord record(double lowerBound, boolean verified, boolean flatCertified,
            CandidatePoint... candidates) {
        OrderRecord.Bounds b = new OrderRecord.Bounds(verified ? lowerBound : Double.NaN, lowerBound, lowerBound,
                verified, 0, 0, verified ? "" : "numeric only: no bound on a moment", Double.NaN, Double.NaN);
        return new OrderRecord(1, SdpStatus.OPTIMAL, b, 3, 6,
                new OrderRecord.Flatness(List.of(), flatCertified ? 1 : -1, flatCertified ? 1 : 0, ""),
                List.of(candidates), flatCertified, new double[] {0, 0}, new OrderRecord.Timings(0, 0, 0), "");
    }

    private static PopResult verdict(MomentSosSolver d, OrderRecord r, boolean flatnessTested) {
        return d.verdict(POP, List.of(r), r, flatnessTested);
    }

    @Test
    void anExactlyFeasiblePointWithinTheGapOfAVerifiedBoundCertifiesWithoutFlatness() {
        PopResult r = verdict(driver(1e-8), record(-5e-9, true, false, point(0, 0)), false);
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.certificate()).isEqualTo(Certificate.GAP);
        assertThat(r.minimizers()).hasSize(1);
        assertThat(r.gap()).isEqualTo(5e-9);
        assertThat(r.message()).contains("gap").contains("verified");
    }

    @Test
    void aPointAttainingANumericOnlyBoundIsOnlyACandidate() {
        PopResult r = verdict(driver(1e-8), record(0, false, false, point(0, 0)), false);
        assertThat(r.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(r.certificate()).isEqualTo(Certificate.NONE);
        assertThat(r.candidates()).hasSize(1);
        assertThat(r.bestFeasibleObjective()).isEqualTo(0.0);
        assertThat(r.message()).contains("no flatness test").contains("numeric only");
    }

    @Test
    void aPointWithinTheObjectiveToleranceButOutsideTheGapToleranceDoesNotCertify() {
        // f(z) - bound = 1e-6: within the 1e-5 objective tolerance of the point check, not within the 1e-8 gap
        OrderRecord rec = record(0, true, false, point(1e-6, 0));
        assertThat(verdict(driver(1e-8), rec, false).status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(verdict(driver(1e-8), rec, false).gap()).isEqualTo(1e-6);
        // the tolerance is the caller's: at 1e-5 the same gap certifies
        assertThat(verdict(driver(1e-5), rec, false).certificate()).isEqualTo(Certificate.GAP);
    }

    @Test
    void aPointFeasibleOnlyWithinTheFeasibilityToleranceDoesNotCertify() {
        // g(z) = -1e-9: feasible for the point check (1e-5), but not a point of the feasible set, so its
        // objective is no upper bound on the optimum
        PopResult r = verdict(driver(1e-8), record(0, true, false, point(0, 1e-9)), false);
        assertThat(r.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(MomentSosSolver.closesGap(point(0, 1e-9), 0, 1)).isFalse();
        assertThat(MomentSosSolver.closesGap(point(0, 0), 0, 1e-8)).isTrue();
    }

    @Test
    void aRecordMarkedFlatCertifiesByFlatnessOnlyWhenFlatnessWasTested() {
        // a numeric-only bound and a candidate 1e-6 above it: no gap certificate either way
        OrderRecord rec = record(0, false, true, point(1e-6, 0));
        PopResult tested = verdict(driver(1e-8), rec, true);
        assertThat(tested.certificate()).isEqualTo(Certificate.FLAT_TRUNCATION);
        PopResult untested = verdict(driver(1e-8), rec, false);
        assertThat(untested.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(untested.certificate()).isEqualTo(Certificate.NONE);
        // with a verified bound within the gap both proofs hold when flatness was tested, only the gap when not
        OrderRecord both = record(1e-6 - 1e-9, true, true, point(1e-6, 0));
        assertThat(verdict(driver(1e-8), both, true).certificate()).isEqualTo(Certificate.BOTH);
        assertThat(verdict(driver(1e-8), both, false).certificate()).isEqualTo(Certificate.GAP);
    }

    @Test
    void theGapIsTakenToTheBestVerifiedBoundOverTheOrdersAndNeedsEveryOrderVerified() {
        MomentSosSolver d = driver(1e-8);
        OrderRecord low = record(-1e-3, true, false, point(0, 0));
        OrderRecord high = record(-1e-9, true, false);
        assertThat(d.verdict(POP, List.of(low, high), high, false).certificate()).isEqualTo(Certificate.GAP);
        OrderRecord numeric = record(-1e-9, false, false);
        assertThat(d.verdict(POP, List.of(low, numeric), numeric, false).status()).isEqualTo(PopStatus.BOUND_ONLY);
    }
}
