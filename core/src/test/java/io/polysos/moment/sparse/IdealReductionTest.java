package io.polysos.moment.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.moment.CandidatePoint;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopResult;
import io.polysos.moment.PopStatus;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolvers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reduction modulo z_i^2 = 1 and z_i^2 = z_i against the dense hierarchy on small max-cut-like problems. */
class IdealReductionTest {

    /** min sum_{ij in E} w_ij x_i x_j subject to x_i^2 = 1 (boolean: x_i^2 = x_i), random weights. */
    static Pop maxCut(int n, boolean complete, boolean bool, long seed) {
        Random rnd = new Random(seed);
        StringBuilder f = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                if (complete || j == i + 1 || (i == 1 && j == n)) {
                    double w = Math.round((0.5 + rnd.nextDouble()) * 100) / 100.0;
                    f.append(f.length() == 0 ? "" : " + ").append(w).append("*x").append(i).append("*x").append(j);
                }
            }
        }
        if (bool) {
            f.append(" - 1.3*x1 - 0.7*x3");
        }
        List<String> vars = new ArrayList<>();
        List<String> cons = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            vars.add("\"x" + i + "\"");
            cons.add(bool ? "\"x" + i + "^2 - x" + i + " == 0\"" : "\"x" + i + "^2 - 1 == 0\"");
        }
        return PopReader.parse("{\"format\":\"polysos-pop/1\",\"name\":\"maxcut\",\"variables\":" + vars
                + ",\"minimize\":\"" + f + "\",\"subjectTo\":" + cons + "}").problem();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theReducedRelaxationHasTheDenseBoundWithFewerMomentsAndNoEqualityRows(boolean bool) {
        Pop pop = maxCut(5, true, bool, 3);
        OrderRecord dense = new MomentSosSolver(SdpSolvers.discover().get("pure")).solveOrder(pop, 2);
        SparsePopResult r = new SparseMomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().order(2).build(), SparsityOptions.of(Sparsity.CS)).solve(pop);
        OrderRecord o = r.result().orders().get(0);
        SparseOrderInfo info = r.sparsity().get(0);
        assertThat(info.numCliques()).isEqualTo(1);
        assertThat(info.equalityRows()).isZero();
        // multilinear rows only: 1 + 5 + 10 = 16 instead of 21; moments of degree <= 4: 31 instead of 126
        assertThat(info.largestBlock()).isEqualTo(16);
        assertThat(info.sdpVariables()).isEqualTo(30);
        assertThat(o.bounds().momentObjective()).isCloseTo(dense.bounds().momentObjective(), within(1e-6));
        assertThat(o.lowerBoundNumeric()).isCloseTo(dense.lowerBoundNumeric(), within(1e-6));
        assertThat(o.bounds().verified()).as(o.bounds().note()).isTrue();
        assertThat(o.lowerBound()).isLessThanOrEqualTo(o.lowerBoundNumeric());
        assertThat(o.lowerBoundNumeric() - o.lowerBound()).isLessThan(1e-6);
        // the best cut by enumeration bounds the relaxation from above
        assertThat(o.lowerBound()).isLessThanOrEqualTo(bruteForce(pop, bool) + 1e-9);
    }

    @Test
    void certifiedCutsAgreeWithTheDenseHierarchyAndTheEnumeration() {
        Pop pop = maxCut(6, false, false, 5);
        PopResult dense = new MomentSosSolver(SdpSolvers.discover().get("pure")).solve(pop);
        SparsePopResult r = new SparseMomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().maxOrder(3).build(), SparsityOptions.of(Sparsity.CS)).solve(pop);
        PopResult p = r.result();
        assertThat(p.status()).as(p.message()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(dense.status()).isEqualTo(PopStatus.CERTIFIED);
        double best = bruteForce(pop, false);
        assertThat(p.bound()).isCloseTo(best, within(1e-6));
        assertThat(p.bound()).isCloseTo(dense.bound(), within(1e-6));
        for (CandidatePoint c : p.minimizers()) {
            assertThat(c.objective()).isCloseTo(best, within(1e-6));
            for (double x : c.point()) {
                assertThat(Math.abs(x)).isCloseTo(1.0, within(1e-6));
            }
        }
    }

    private static double bruteForce(Pop pop, boolean bool) {
        int n = pop.numVariables();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (mask >> i & 1) == 1 ? 1 : bool ? 0 : -1;
            }
            best = Math.min(best, pop.objective().evaluate(x));
        }
        return best;
    }
}
