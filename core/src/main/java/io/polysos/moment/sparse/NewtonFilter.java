package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;

/**
 * A cheap outer approximation of half the Newton polytope of an objective, for the basis
 * reduction of unconstrained problems (Reznick: if f - lambda = sum q_i^2, every monomial b of
 * every q_i has 2b in N(f - lambda) = conv(supp f with 0)).
 *
 * <p>N is replaced by the polyhedron {x : c.x &lt;= max_a c.a} over the directions c = +-e_i,
 * the all-ones vector and, for at most {@link #PAIR_LIMIT} variables, +-e_i +- e_j; a monomial
 * b is kept when 2b satisfies all of them. This keeps every monomial of half the Newton
 * polytope (it may keep a few more), so the SOS program over the reduced basis has the same
 * optimum as over the full one.
 */
final class NewtonFilter {

    /** Pairwise directions are used up to this many variables (their number grows as n^2). */
    static final int PAIR_LIMIT = 40;

    private final int n;
    private final int[] maxCoord;
    private final int[] minCoord;
    private final int maxSum;
    private final int[][] maxPlus;  // max a_i + a_j (i < j)
    private final int[][] maxMinus; // max a_i - a_j (i != j)

    NewtonFilter(Polynomial f) {
        n = f.numVariables();
        maxCoord = new int[n];
        minCoord = new int[n]; // the constant 0 is in the support of f - lambda
        boolean pairs = n <= PAIR_LIMIT;
        maxPlus = pairs ? new int[n][n] : null;
        maxMinus = pairs ? new int[n][n] : null;
        int ms = 0;
        for (int t = 0; t < f.numTerms(); t++) {
            int[] a = f.exponentVector(t);
            int s = 0;
            for (int i = 0; i < n; i++) {
                maxCoord[i] = Math.max(maxCoord[i], a[i]);
                minCoord[i] = Math.min(minCoord[i], a[i]);
                s += a[i];
            }
            ms = Math.max(ms, s);
            if (pairs) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i != j) {
                            maxPlus[i][j] = Math.max(maxPlus[i][j], a[i] + a[j]);
                            maxMinus[i][j] = Math.max(maxMinus[i][j], a[i] - a[j]);
                        }
                    }
                }
            }
        }
        maxSum = ms;
    }

    /**
     * @param vars the variables of b (indices into the objective's variables)
     * @param b exponents of b over vars, read from b[off .. off + vars.length)
     * @return false only when 2b is provably outside the Newton polytope
     */
    boolean keeps(int[] vars, int[] b, int off) {
        int nc = vars.length;
        int s = 0;
        for (int p = 0; p < nc; p++) {
            int i = vars[p];
            int x = 2 * b[off + p];
            if (x > maxCoord[i] || x < minCoord[i]) {
                return false;
            }
            s += x;
        }
        if (s > maxSum) {
            return false;
        }
        if (maxPlus != null) {
            for (int p = 0; p < nc; p++) {
                for (int q = 0; q < nc; q++) {
                    if (p == q) {
                        continue;
                    }
                    int xi = 2 * b[off + p];
                    int xj = 2 * b[off + q];
                    int i = vars[p];
                    int j = vars[q];
                    if (xi + xj > maxPlus[i][j] || xi - xj > maxMinus[i][j]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
