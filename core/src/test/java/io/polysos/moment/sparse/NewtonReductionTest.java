package io.polysos.moment.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.OrderRecord;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolvers;
import org.junit.jupiter.api.Test;

/** The Newton-polytope reduction of the moment basis for unconstrained problems against the dense hierarchy. */
class NewtonReductionTest {

    private static Pop pop(String vars, String f, String cons) {
        return PopReader.parse("{\"format\":\"polysos-pop/1\",\"name\":\"newton\",\"variables\":[" + vars
                + "],\"minimize\":\"" + f + "\",\"subjectTo\":[" + cons + "]}").problem();
    }

    private static SparsePopResult solve(Pop pop, Sparsity s, int order, boolean newton, double ball) {
        HierarchyOptions.Builder b = HierarchyOptions.builder().order(order).objectiveTolerance(1e-10);
        if (ball > 0) {
            b.ballRadius(ball);
        }
        return new SparseMomentSosSolver(SdpSolvers.discover().get("pure"), b.build(),
                SparsityOptions.of(s).withNewton(newton)).solve(pop);
    }

    /** @return the reduced relaxation's numeric bound, checked against the dense one within tol */
    private static double sameBoundFewerRows(Pop pop, int order, int denseRows, int reducedRows, double tol) {
        OrderRecord dense = new MomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().order(order).objectiveTolerance(1e-10).build()).solveOrder(pop, order);
        SparsePopResult r = solve(pop, Sparsity.NONE, order, true, 0);
        OrderRecord o = r.result().orders().get(0);
        SparseOrderInfo info = r.sparsity().get(0);
        assertThat(info.denseMomentMatrixSize()).isEqualTo(denseRows);
        assertThat(info.numBlocks()).isEqualTo(1);
        assertThat(info.largestBlock()).isEqualTo(reducedRows);
        assertThat(o.lowerBoundNumeric()).isCloseTo(dense.lowerBoundNumeric(), within(tol));
        return o.lowerBoundNumeric();
    }

    @Test
    void rosenbrockOfThreeVariablesAtOrderThreeKeepsOnlyTheRowsOfDegreeAtMostTwo() {
        // 2|b| <= deg f = 4 removes every row of degree 3, and 2 deg_x3 <= 2 removes x3^2: 9 rows instead of 20
        // (the exact half polytope would also drop x1 x3), same bound (0)
        Pop p = pop("\"x1\",\"x2\",\"x3\"", "100*(x2 - x1^2)^2 + (1 - x1)^2 + 100*(x3 - x2^2)^2 + (1 - x2)^2", "");
        // the pure solver reaches the dense order-3 SDP (no interior: the minimum 0 is attained) only to ~3e-6,
        // the reduced one to ~1e-8, so the dense comparison is at 1e-5 and the reduced bound is checked against 0
        double bound = sameBoundFewerRows(p, 3, 20, 9, 1e-5);
        assertThat(bound).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void aSumOfSquaresWithSparseSupportLosesTheRowsOutsideHalfItsNewtonPolytope() {
        // f = (x^3 - y)^2 + (y - 1)^2 + x^2: max deg_y = 2 and deg_y - deg_x <= 2 remove y^2, x y^2, y^3
        Pop p = pop("\"x\",\"y\"", "(x^3 - y)^2 + (y - 1)^2 + x^2", "");
        sameBoundFewerRows(p, 3, 10, 7, 1e-6);
    }

    @Test
    void termSparsityWithTheReductionKeepsItsBound() {
        Pop p = pop("\"x1\",\"x2\",\"x3\"", "100*(x2 - x1^2)^2 + (1 - x1)^2 + 100*(x3 - x2^2)^2 + (1 - x2)^2", "");
        SparsePopResult ts = solve(p, Sparsity.TS, 3, false, 0);
        SparsePopResult tsn = solve(p, Sparsity.TS, 3, true, 0);
        assertThat(tsn.result().orders().get(0).lowerBoundNumeric())
                .isCloseTo(ts.result().orders().get(0).lowerBoundNumeric(), within(1e-6));
        assertThat(tsn.sparsity().get(0).sdpVariables()).isLessThan(ts.sparsity().get(0).sdpVariables());
    }

    @Test
    void constrainedProblemsAreUntouched() {
        // a constraint of the problem, or a bounding ball: the option is ignored
        Pop c = pop("\"x\",\"y\"", "(x^3 - y)^2 + (y - 1)^2 + x^2", "\"4 - x^2 - y^2 >= 0\"");
        assertThat(solve(c, Sparsity.NONE, 3, true, 0).sparsity()).isEmpty();
        SparsePopResult cs = solve(c, Sparsity.CS, 3, true, 0);
        SparsePopResult plain = solve(c, Sparsity.CS, 3, false, 0);
        assertThat(cs.sparsity().get(0).blockSizes()).containsExactly(plain.sparsity().get(0).blockSizes());
        Pop u = pop("\"x\",\"y\"", "(x^3 - y)^2 + (y - 1)^2 + x^2", "");
        assertThat(solve(u, Sparsity.NONE, 3, true, 3).sparsity()).isEmpty();
        SparsePopResult ball = solve(u, Sparsity.CS, 3, true, 3);
        assertThat(ball.sparsity().get(0).largestBlock()).isEqualTo(10);
    }
}
