package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Half the Newton polytope of an objective, for the basis reduction of unconstrained problems
 * (Reznick: if f - lambda = sum q_i^2, every monomial b of every q_i has 2b in
 * N = conv(supp f with 0), the Newton polytope of f - lambda).
 *
 * <p>Membership is decided exactly: 2b in N is a linear feasibility problem (2b a convex
 * combination of the support), solved by a phase-one simplex in integer-preserving (Bareiss)
 * arithmetic over BigInteger with Bland's rule, so no rounding can keep or drop a row wrongly.
 * Since exponents are non-negative, a combination equal to 2b uses only support points whose
 * variables are among those of b, so each test is small (dimension |vars of b| + 1). Results
 * are cached per monomial.
 *
 * <p>{@link #pruneDiagonal} then applies the diagonal-consistency rule: a row b whose square
 * 2b is not in the support of f - lambda and is no sum b1 + b2 of two distinct rows of a common
 * block has a zero Gram diagonal entry in every block, hence a zero row: it is dropped, and the
 * rule is iterated.
 */
final class NewtonFilter {

    /** The support of f with 0, each point as its variables and exponents. */
    private final List<int[]> pointVars = new ArrayList<>();
    private final List<int[]> pointExps = new ArrayList<>();
    /** per variable, the support points that use it */
    private final Map<Integer, List<Integer>> byVariable = new HashMap<>();
    private final Set<MonomialKey> support = new HashSet<>();
    private final Map<MonomialKey, Boolean> cache = new HashMap<>();

    NewtonFilter(Polynomial f) {
        support.add(MonomialKey.ONE);
        int n = f.numVariables();
        for (int t = 0; t < f.numTerms(); t++) {
            if (f.coefficients()[t] == 0) {
                continue;
            }
            MonomialKey key = MonomialKey.ofTerm(f, t);
            if (!support.add(key)) {
                continue;
            }
            int[] vars = new int[n];
            int[] exps = new int[n];
            int len = 0;
            for (int v = 0; v < n; v++) {
                int e = f.exponent(t, v);
                if (e > 0) {
                    vars[len] = v;
                    exps[len++] = e;
                }
            }
            int id = pointVars.size();
            pointVars.add(Arrays.copyOf(vars, len));
            pointExps.add(Arrays.copyOf(exps, len));
            for (int p = 0; p < len; p++) {
                byVariable.computeIfAbsent(vars[p], x -> new ArrayList<>()).add(id);
            }
        }
    }

    /** @return whether m is in the support of f - lambda (the constant included) */
    boolean inSupport(MonomialKey m) {
        return support.contains(m);
    }

    /**
     * @param vars the clique's variables (indices into the objective's variables)
     * @param b exponents of b over vars, read from b[off .. off + vars.length)
     * @return whether 2b lies in the Newton polytope of f - lambda (exactly)
     */
    boolean keeps(int[] vars, int[] b, int off) {
        int[] zero = new int[vars.length];
        return keeps(MonomialKey.ofSum(vars, b, off, zero, 0, null, 0));
    }

    /** @return whether 2b lies in the Newton polytope of f - lambda (exactly) */
    boolean keeps(MonomialKey b) {
        return cache.computeIfAbsent(b, this::decide);
    }

    private boolean decide(MonomialKey b) {
        if (b.degree() == 0 || support.contains(b.times(b))) {
            return true;
        }
        // the variables of b and twice its exponents
        int[] v = b.variables();
        int[] sv = new int[v.length];
        int[] target = new int[v.length];
        int d = 0;
        for (int i = 0; i < v.length; i++) {
            if (d > 0 && sv[d - 1] == v[i]) {
                target[d - 1] += 2;
            } else {
                sv[d] = v[i];
                target[d++] = 2;
            }
        }
        sv = Arrays.copyOf(sv, d);
        target = Arrays.copyOf(target, d);
        // the support points using only those variables (0 included), as columns over sv
        Set<Integer> seen = new HashSet<>();
        List<int[]> cols = new ArrayList<>();
        cols.add(new int[d]);
        int[] max = new int[d];
        for (int x : sv) {
            for (int id : byVariable.getOrDefault(x, List.of())) {
                if (!seen.add(id)) {
                    continue;
                }
                int[] col = project(pointVars.get(id), pointExps.get(id), sv);
                if (col != null) {
                    cols.add(col);
                    for (int i = 0; i < d; i++) {
                        max[i] = Math.max(max[i], col[i]);
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            if (target[i] > max[i]) {
                return false; // a coordinate bound already excludes it
            }
        }
        if (d == 1) {
            return true; // [0, max] is the whole segment
        }
        return inConvexHull(cols, target);
    }

    /** @return the point's exponents over sv, or null when it uses a variable outside sv */
    private static int[] project(int[] vars, int[] exps, int[] sv) {
        int[] col = new int[sv.length];
        for (int p = 0; p < vars.length; p++) {
            int i = Arrays.binarySearch(sv, vars[p]);
            if (i < 0) {
                return null;
            }
            col[i] = exps[p];
        }
        return col;
    }

    /**
     * Whether target is a convex combination of the points: phase one of the simplex method on
     * sum_j l_j p_j = target, sum_j l_j = 1, l &gt;= 0 with one artificial variable per row,
     * in integer-preserving arithmetic (every tableau entry is the true entry times the last
     * pivot, divisions are exact) and Bland's rule (no cycling).
     *
     * @param points the points, each of the target's dimension
     * @param target the point to test
     */
    static boolean inConvexHull(List<int[]> points, int[] target) {
        int d = target.length;
        int m = d + 1;
        int q = points.size();
        int rhs = q + m;
        BigInteger[][] t = new BigInteger[m + 1][rhs + 1];
        for (BigInteger[] row : t) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        for (int j = 0; j < q; j++) {
            int[] p = points.get(j);
            for (int i = 0; i < d; i++) {
                t[i][j] = BigInteger.valueOf(p[i]);
            }
            t[d][j] = BigInteger.ONE;
        }
        for (int i = 0; i < m; i++) {
            t[i][q + i] = BigInteger.ONE;
            t[i][rhs] = BigInteger.valueOf(i < d ? target[i] : 1);
        }
        // reduced costs of min sum(artificials): minus the column sums over the rows
        for (int j = 0; j < q; j++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = 0; i < m; i++) {
                s = s.add(t[i][j]);
            }
            t[m][j] = s.negate();
        }
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < m; i++) {
            s = s.add(t[i][rhs]);
        }
        t[m][rhs] = s.negate();
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            basis[i] = q + i;
        }
        BigInteger denom = BigInteger.ONE;
        while (true) {
            int enter = -1;
            for (int j = 0; j < q && enter < 0; j++) { // artificials never re-enter
                if (t[m][j].signum() < 0) {
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            int leave = -1;
            for (int i = 0; i < m; i++) {
                if (t[i][enter].signum() <= 0) {
                    continue;
                }
                if (leave < 0) {
                    leave = i;
                    continue;
                }
                // t[i][rhs] / t[i][enter] vs t[leave][rhs] / t[leave][enter], both denominators > 0
                int c = t[i][rhs].multiply(t[leave][enter]).compareTo(t[leave][rhs].multiply(t[i][enter]));
                if (c < 0 || (c == 0 && basis[i] < basis[leave])) {
                    leave = i;
                }
            }
            if (leave < 0) {
                throw new IllegalStateException("phase one unbounded"); // impossible: the objective is >= 0
            }
            BigInteger piv = t[leave][enter];
            for (int i = 0; i <= m; i++) {
                if (i == leave) {
                    continue;
                }
                BigInteger f = t[i][enter];
                for (int j = 0; j <= rhs; j++) {
                    BigInteger[] qr = t[i][j].multiply(piv).subtract(f.multiply(t[leave][j])).divideAndRemainder(denom);
                    if (qr[1].signum() != 0) {
                        throw new IllegalStateException("inexact division in the integer-preserving simplex");
                    }
                    t[i][j] = qr[0];
                }
            }
            denom = piv;
            basis[leave] = enter;
        }
        return t[m][rhs].signum() == 0;
    }

    /**
     * The diagonal-consistency pruning of the rows of the moment-matrix blocks (the Gram
     * blocks of f - lambda = sum of block SOS): a row b is dropped from every block when 2b is
     * not in the support of f - lambda and is not b1 + b2 for distinct rows b1, b2 of one block;
     * iterated until nothing changes.
     *
     * @param blocks each block's rows as monomials; the arrays are not modified
     * @return per block, a keep mask
     */
    boolean[][] pruneDiagonal(List<MonomialKey[]> blocks) {
        boolean[][] keep = new boolean[blocks.size()][];
        for (int k = 0; k < keep.length; k++) {
            keep[k] = new boolean[blocks.get(k).length];
            Arrays.fill(keep[k], true);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<MonomialKey> crossSums = new HashSet<>();
            for (int k = 0; k < keep.length; k++) {
                MonomialKey[] rows = blocks.get(k);
                for (int a = 0; a < rows.length; a++) {
                    if (!keep[k][a]) {
                        continue;
                    }
                    for (int c = a + 1; c < rows.length; c++) {
                        if (keep[k][c] && !rows[a].equals(rows[c])) {
                            crossSums.add(rows[a].times(rows[c]));
                        }
                    }
                }
            }
            Set<MonomialKey> drop = new HashSet<>();
            for (int k = 0; k < keep.length; k++) {
                MonomialKey[] rows = blocks.get(k);
                for (int a = 0; a < rows.length; a++) {
                    if (keep[k][a]) {
                        MonomialKey sq = rows[a].times(rows[a]);
                        if (!support.contains(sq) && !crossSums.contains(sq)) {
                            drop.add(rows[a]);
                        }
                    }
                }
            }
            for (int k = 0; k < keep.length; k++) {
                MonomialKey[] rows = blocks.get(k);
                for (int a = 0; a < rows.length; a++) {
                    if (keep[k][a] && drop.contains(rows[a])) {
                        keep[k][a] = false;
                        changed = true;
                    }
                }
            }
        }
        return keep;
    }
}
