package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.poly.Monomials;
import io.polysos.pop.Pop;
import io.polysos.pop.PopFile;
import io.polysos.sdp.SdpStatus;
import org.junit.jupiter.api.Test;

class OrderRecordTest {

    @Test
    void recordsSizesRanksSpectraAndTimesOfEachOrder() {
        PopFile pf = TestProblems.read("gloptipoly-manual.json");
        Pop pop = pf.problem();
        PopResult r = new MomentSosSolver(TestProblems.solver()).solve(pop);
        int n = pop.numVariables();
        for (OrderRecord o : r.orders()) {
            int k = o.order();
            assertThat(o.sdpStatus().hasSolution()).isTrue();
            assertThat(o.momentMatrixSize()).isEqualTo(Monomials.count(n, k));
            assertThat(o.numMoments()).isEqualTo(Monomials.count(n, 2 * k));
            assertThat(o.ranks()).hasSize(k);
            for (int t = 1; t <= k; t++) {
                RankDecision d = o.ranks().get(t - 1);
                assertThat(d.order()).isEqualTo(t);
                assertThat(d.spectrum()).hasSize((int) Monomials.count(n, t));
                assertThat(d.rank()).isBetween(1, d.size());
            }
            assertThat(o.bounds().momentObjective()).isCloseTo(o.lowerBoundNumeric(), within(1e-5 * Math.max(1, Math.abs(o.bounds().momentObjective()))));
            assertThat(o.buildSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(o.solveSeconds()).isGreaterThan(0);
            assertThat(o.extractionSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(o.sosResidual()).isLessThan(1e-6);
            assertThat(o.summary()).startsWith("order " + k + ": ").contains("M size " + o.momentMatrixSize());
        }
    }

    @Test
    void lowOrdersOfTheGloptiPolyManualAreNotFlatAndNotCertified() {
        Pop pop = TestProblems.read("gloptipoly-manual.json").problem();
        PopResult r = new MomentSosSolver(TestProblems.solver(), HierarchyOptions.builder().maxOrder(3).build())
                .solve(pop);
        assertThat(r.orders()).hasSize(3);
        for (OrderRecord o : r.orders()) {
            assertThat(o.certified()).as(o.summary()).isFalse();
            assertThat(o.summary()).doesNotContain("CERTIFIED");
            // the relaxation is not exact: its first-order moments do not attain the bound
            assertThat(o.minimizers()).isEmpty();
            assertThat(o.candidates()).isNotEmpty();
        }
    }

    @Test
    void theCertifiedOrderRecordsTheFlatOrderAndTheMinimizers() {
        Pop pop = TestProblems.read("four-wells.json").problem();
        OrderRecord o = new MomentSosSolver(TestProblems.solver()).solveOrder(pop, 3);
        assertThat(o.sdpStatus()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(o.certified()).isTrue();
        assertThat(o.flatOrder()).isBetween(2, 3);
        assertThat(o.flatRank()).isEqualTo(4);
        assertThat(o.minimizers()).hasSize(4).allMatch(CandidatePoint::isGlobalMinimizer);
        assertThat(o.extraction()).contains("4 atoms");
        assertThat(o.summary()).contains("CERTIFIED").contains("rank 4");
    }
}
