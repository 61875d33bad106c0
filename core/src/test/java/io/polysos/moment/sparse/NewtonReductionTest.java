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
    void rosenbrockOfThreeVariablesAtOrderThreeKeepsOnlyHalfItsNewtonPolytope() {
        // half of N(f): 1, x1, x2, x3, x1^2, x2^2, x1 x2 (7 rows of 20). An outer approximation by
        // coordinate, degree and pairwise bounds also kept x1 x3 and x2 x3: 2(x1 x3) = (2, 0, 2) is
        // outside conv{0, x1, x1^2, x1^4, x3^2} (x1/4 + x3/2 <= 1 there), same for (0, 2, 2) with x2^4, x2^2 x3
        Pop p = pop("\"x1\",\"x2\",\"x3\"", "100*(x2 - x1^2)^2 + (1 - x1)^2 + 100*(x3 - x2^2)^2 + (1 - x2)^2", "");
        NewtonFilter nf = new NewtonFilter(p.objective());
        assertThat(nf.keeps(key(0, 2))).isFalse();
        assertThat(nf.keeps(key(1, 2))).isFalse();
        assertThat(nf.keeps(key(0, 1))).isTrue();
        assertThat(nf.keeps(key(2, 2))).isFalse();
        assertThat(nf.keeps(key(1, 1))).isTrue();
        // the pure solver reaches the dense order-3 SDP only to ~3e-6 and the reduced one to ~2e-6 (OPTIMAL at its
        // 1e-8 relative tolerance on f / 100), so both comparisons are at 1e-5; a row wrongly dropped would lose
        // the certificate f = sum of 4 squares in 1, x1, x2, x3, x1^2, x2^2 and the bound with it
        double bound = sameBoundFewerRows(p, 3, 20, 7, 1e-5);
        assertThat(bound).isCloseTo(0.0, within(1e-5)).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void aSumOfSquaresWithSparseSupportLosesTheRowsOutsideHalfItsNewtonPolytope() {
        // f = (x^3 - y)^2 + (y - 1)^2 + x^2: N(f) is the triangle 0, (6, 0), (0, 2), so half of it holds
        // 1, x, y, x^2, x^3 (x^3 y lies on its edge); the outer approximation also kept x y and x^2 y
        Pop p = pop("\"x\",\"y\"", "(x^3 - y)^2 + (y - 1)^2 + x^2", "");
        NewtonFilter nf = new NewtonFilter(p.objective());
        assertThat(nf.keeps(key(0, 1))).isFalse();
        assertThat(nf.keeps(key(0, 0, 1))).isFalse();
        assertThat(nf.keeps(key(0, 0, 0))).isTrue();
        sameBoundFewerRows(p, 3, 10, 5, 1e-6);
    }

    @Test
    void diagonalConsistencyDropsARowInsideTheNewtonPolytopeWhoseSquareNothingElseMakes() {
        // f = x^4 y^2 + x^2 y^4 + 1: half of N(f) holds 1, x y, x^2 y, x y^2; (x y)^2 = x^2 y^2 is not in
        // supp f and no sum of two distinct of those rows, so the Gram entry of x y is 0 and its row goes
        Pop p = pop("\"x\",\"y\"", "x^4*y^2 + x^2*y^4 + 1", "");
        NewtonFilter nf = new NewtonFilter(p.objective());
        assertThat(nf.keeps(key(0, 1))).isTrue();
        boolean[][] keep = nf.pruneDiagonal(java.util.List.<MonomialKey[]>of(
                new MonomialKey[] {MonomialKey.ONE, key(0, 1), key(0, 0, 1), key(0, 1, 1)}));
        assertThat(keep[0]).containsExactly(true, false, true, true);
        double bound = sameBoundFewerRows(p, 3, 10, 3, 1e-6);
        assertThat(bound).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void exactConvexHullMembership() {
        java.util.List<int[]> square = java.util.List.of(new int[] {0, 0}, new int[] {4, 0}, new int[] {0, 4},
                new int[] {4, 4});
        assertThat(NewtonFilter.inConvexHull(square, new int[] {2, 2})).isTrue();
        assertThat(NewtonFilter.inConvexHull(square, new int[] {4, 2})).isTrue(); // on an edge
        assertThat(NewtonFilter.inConvexHull(square, new int[] {4, 4})).isTrue(); // a vertex
        assertThat(NewtonFilter.inConvexHull(square, new int[] {5, 0})).isFalse();
        java.util.List<int[]> triangle = java.util.List.of(new int[] {0, 0, 0}, new int[] {6, 0, 0},
                new int[] {0, 6, 0}, new int[] {0, 0, 6}, new int[] {2, 2, 2});
        assertThat(NewtonFilter.inConvexHull(triangle, new int[] {2, 2, 2})).isTrue();
        assertThat(NewtonFilter.inConvexHull(triangle, new int[] {2, 2, 3})).isFalse(); // 2 + 2 + 3 > 6
        assertThat(NewtonFilter.inConvexHull(triangle, new int[] {1, 1, 4})).isTrue();
        // collinear points (degenerate pivots): only the segment
        java.util.List<int[]> line = java.util.List.of(new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 2},
                new int[] {3, 3});
        assertThat(NewtonFilter.inConvexHull(line, new int[] {2, 2})).isTrue();
        assertThat(NewtonFilter.inConvexHull(line, new int[] {2, 1})).isFalse();
    }

    /** @return the monomial with the given variables, repeated by exponent (ascending) */
    private static MonomialKey key(int... vars) {
        MonomialKey k = MonomialKey.ONE;
        for (int v : vars) {
            k = k.times(MonomialKey.variable(v));
        }
        return k;
    }

    @Test
    void termSparsityWithTheReductionKeepsItsBound() {
        Pop p = pop("\"x1\",\"x2\",\"x3\"", "100*(x2 - x1^2)^2 + (1 - x1)^2 + 100*(x3 - x2^2)^2 + (1 - x2)^2", "");
        SparsePopResult ts = solve(p, Sparsity.TS, 3, false, 0);
        SparsePopResult tsn = solve(p, Sparsity.TS, 3, true, 0);
        // within the solver's accuracy on these SDPs (~2e-6, see above)
        assertThat(tsn.result().orders().get(0).lowerBoundNumeric())
                .isCloseTo(ts.result().orders().get(0).lowerBoundNumeric(), within(1e-5));
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
