package io.polysos.moment.sparse;

import io.polysos.moment.VerifiedBound;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upper bounds, valid for every feasible point w of a sparse moment relaxation
 * ({@link SparseMomentRelaxation}), on |w_a| for each moment and on the trace of each PSD
 * block, for {@link VerifiedBound}. They come from the quadratic bounding constraints
 * g = c - sum_{i in S} a_i z_i^2 &gt;= 0 (c &gt; 0, a_i &gt; 0: the per-variable box, a
 * ball), each read in the clique holding it, so only on the clique's own variables:
 * <ul>
 *   <li>w_{2b} &gt;= 0 for every row b of a moment block (a diagonal entry);
 *   <li>the diagonal entry b of a localizing block of g gives sum_{i in S} a_i w_{2b + 2e_i}
 *       &lt;= c w_{2b}, hence w_{2b + 2e_i} &lt;= (c / a_i) w_{2b} when every b + e_j (j in S)
 *       is a row of a moment block;
 *   <li>when S is the whole clique I of g and g's localizing rows are all monomials of degree
 *       &lt;= k - 1 over I, summing over the rows of degree j gives T_{j+1} &lt;= rho^2 T_j,
 *       T_j = sum_{|b| = j, b over I} w_{2b}, rho^2 = c / min a_i: so T_j &lt;= rho^{2j}, which
 *       bounds each w_{2b} and the part of degree j of the trace of any moment block over
 *       variables of I;
 *   <li>|w_{b+c}| &lt;= sqrt(w_{2b} w_{2c}) for rows b, c of one moment block (a 2x2 minor);
 *   <li>for a localizing block L of g, |L(b, c)| &lt;= sqrt(L(b, b) L(c, c)) bounds each moment
 *       of the entry L(b, c) = sum_e g_e w_{b+c+e} through the others (under term sparsity some
 *       moments occur only there);
 *   <li>the trace of a localizing block: sum over rows b and terms e of g of |g_e| mu_{2b+e},
 *       skipping the negative terms whose moment is a diagonal entry of a moment block.
 * </ul>
 * These rules are applied until nothing improves. Every product, quotient, square root and
 * sum is rounded upward. When some moment gets no finite bound (a variable without a bounding
 * constraint in its clique, or, under term sparsity, a moment that these rules do not reach),
 * there are no bounds ({@link #of} says why).
 */
final class SparseMomentBounds implements VerifiedBound.Bounds {

    private final double[] mu;
    private final double[][] traceByDegree;
    private final int maxDegree;

    private SparseMomentBounds(double[] mu, double[][] traceByDegree, int maxDegree) {
        this.mu = mu;
        this.traceByDegree = traceByDegree;
        this.maxDegree = maxDegree;
    }

    @Override
    public double moment(int r) {
        return mu[r];
    }

    @Override
    public double trace(int block, int q) {
        double[] t = traceByDegree[block];
        double sum = 0;
        for (int j = 0; j < t.length; j++) {
            sum = Math.nextUp(sum + Math.scalb(t[j], -2 * q * j));
        }
        return sum;
    }

    @Override
    public int naturalScale() {
        double r = 1;
        for (double m : mu) {
            r = Math.max(r, m);
        }
        int d = Math.max(1, maxDegree);
        return Math.max(0, (int) Math.round(Math.log(r) / Math.log(2) / d));
    }

    /** A quadratic bounding constraint c - sum_i a_i z_i^2 (a_i indexed by variable, 0 when absent). */
    private record Quadratic(double c, double[] a) {
    }

    /** w_target &lt;= factor * w_source (both diagonal moments). */
    private record Rule(int target, int source, double factor) {
    }

    /**
     * @param rel the relaxation
     * @return the bounds, or no bounds and why not
     */
    static Result of(SparseMomentRelaxation rel) {
        Pop pop = rel.pop();
        int n = pop.numVariables();
        int k = rel.order();
        int numMoments = rel.numMoments();
        List<SparseMomentRelaxation.Block> blocks = rel.blocks();
        double[] u = new double[numMoments];
        java.util.Arrays.fill(u, Double.POSITIVE_INFINITY);
        u[0] = 1;
        BitSet nonneg = new BitSet(numMoments);
        for (int blk = 0; blk < blocks.size(); blk++) {
            int[] ids = rel.blockMomentIds(blk);
            if (ids != null) {
                int s = blocks.get(blk).size();
                for (int i = 0; i < s; i++) {
                    nonneg.set(ids[i * s + i]);
                }
            }
        }
        // rules from the localizing diagonals of the quadratic bounding constraints
        List<Rule> rules = new ArrayList<>();
        int p = blocks.stream().mapToInt(SparseMomentRelaxation.Block::clique).max().orElse(-1) + 1;
        double[] cliqueRho2 = new double[Math.max(p, 0)];
        java.util.Arrays.fill(cliqueRho2, Double.POSITIVE_INFINITY);
        List<int[]> cliques = rel.correlativeSparsity().cliques();
        for (int j = 0; j < pop.inequalities().size(); j++) {
            Quadratic g = quadratic(pop.inequalities().get(j), n);
            if (g == null) {
                continue;
            }
            Set<MonomialKey> rowsSeen = new HashSet<>();
            int clique = -1;
            for (int blk = 0; blk < blocks.size(); blk++) {
                if (blocks.get(blk).inequality() != j) {
                    continue;
                }
                clique = blocks.get(blk).clique();
                for (MonomialKey b : rel.blockRows(blk)) {
                    rowsSeen.add(b);
                    MonomialKey b2 = b.times(b);
                    int src = rel.momentId(b2);
                    if (src < 0 || !nonneg.get(src)) {
                        continue;
                    }
                    int[] targets = new int[n];
                    boolean all = true;
                    for (int i = 0; i < n && all; i++) {
                        if (g.a()[i] > 0) {
                            int t = rel.momentId(b2.times(square(i)));
                            all = t >= 0 && nonneg.get(t);
                            targets[i] = t;
                        }
                    }
                    if (!all) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (g.a()[i] > 0) {
                            rules.add(new Rule(targets[i], src, Math.nextUp(g.c() / g.a()[i])));
                        }
                    }
                }
            }
            if (clique < 0) {
                continue;
            }
            // the level bound T_j <= rho^{2j} when g covers its whole clique and all its rows are present
            int[] vars = cliques.get(clique);
            double amin = Double.POSITIVE_INFINITY;
            int covered = 0;
            for (int i = 0; i < n; i++) {
                if (g.a()[i] > 0) {
                    covered++;
                }
            }
            for (int v : vars) {
                amin = Math.min(amin, g.a()[v]);
            }
            int dg = k - 1;
            if (covered == vars.length && amin > 0 && dg >= 0
                    && rowsSeen.size() == io.polysos.poly.Monomials.count(vars.length, dg)) {
                cliqueRho2[clique] = Math.min(cliqueRho2[clique], Math.nextUp(g.c() / amin));
            }
        }
        // per moment block, the smallest level bound of a clique containing its variables
        double[] blockRho2 = new double[blocks.size()];
        java.util.Arrays.fill(blockRho2, Double.POSITIVE_INFINITY);
        for (int blk = 0; blk < blocks.size(); blk++) {
            if (rel.blockMomentIds(blk) == null) {
                continue;
            }
            Set<Integer> used = new HashSet<>();
            for (MonomialKey b : rel.blockRows(blk)) {
                for (int v : b.variables()) {
                    used.add(v);
                }
            }
            for (int c = 0; c < cliqueRho2.length; c++) {
                if (Double.isFinite(cliqueRho2[c]) && containsAll(cliques.get(c), used)) {
                    blockRho2[blk] = Math.min(blockRho2[blk], cliqueRho2[c]);
                }
            }
        }
        double[][] levelPow = new double[blocks.size()][];
        for (int blk = 0; blk < blocks.size(); blk++) {
            if (Double.isFinite(blockRho2[blk])) {
                double[] pw = new double[k + 1];
                pw[0] = 1;
                for (int j = 1; j <= k; j++) {
                    pw[j] = Math.nextUp(pw[j - 1] * blockRho2[blk]);
                }
                levelPow[blk] = pw;
                int[] ids = rel.blockMomentIds(blk);
                MonomialKey[] rows = rel.blockRows(blk);
                int s = rows.length;
                for (int i = 0; i < s; i++) {
                    int d = ids[i * s + i];
                    u[d] = Math.min(u[d], pw[rows[i].degree()]);
                }
            }
        }
        // localizing blocks: the moment ids of every entry's terms, for the 2x2 minor rule
        List<int[][][]> locIds = new ArrayList<>();
        List<double[]> locCoef = new ArrayList<>();
        for (int blk = 0; blk < blocks.size(); blk++) {
            if (rel.blockMomentIds(blk) != null) {
                locIds.add(null);
                locCoef.add(null);
                continue;
            }
            Polynomial g = pop.inequalities().get(blocks.get(blk).inequality());
            MonomialKey[] terms = new MonomialKey[g.numTerms()];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = MonomialKey.ofTerm(g, t);
            }
            MonomialKey[] rows = rel.blockRows(blk);
            int s = rows.length;
            int[][][] ids = new int[s][s][];
            for (int i = 0; i < s; i++) {
                for (int jj = i; jj < s; jj++) {
                    MonomialKey bc = rows[i].times(rows[jj]);
                    int[] e = new int[terms.length];
                    for (int t = 0; t < terms.length; t++) {
                        e[t] = rel.momentId(bc.times(terms[t]));
                        if (e[t] < 0) {
                            return new Result(null, "numeric only: a localizing entry's moment is in no block");
                        }
                    }
                    ids[i][jj] = e;
                }
            }
            locIds.add(ids);
            locCoef.add(g.coefficients());
        }
        // propagate until stable
        for (int pass = 0; pass < 4 * k + 8; pass++) {
            boolean changed = false;
            for (int blk = 0; blk < blocks.size(); blk++) {
                int[][][] ids = locIds.get(blk);
                if (ids != null) {
                    changed |= localizingMinors(ids, locCoef.get(blk), u, nonneg);
                }
            }
            for (Rule r : rules) {
                double v = Math.nextUp(r.factor() * u[r.source()]);
                if (v < u[r.target()]) {
                    u[r.target()] = v;
                    changed = true;
                }
            }
            for (int blk = 0; blk < blocks.size(); blk++) {
                int[] ids = rel.blockMomentIds(blk);
                if (ids == null) {
                    continue;
                }
                int s = blocks.get(blk).size();
                for (int i = 0; i < s; i++) {
                    double di = u[ids[i * s + i]];
                    for (int jj = i + 1; jj < s; jj++) {
                        int a = ids[i * s + jj];
                        double v = Math.nextUp(Math.sqrt(Math.nextUp(di * u[ids[jj * s + jj]])));
                        if (v < u[a]) {
                            u[a] = v;
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int a = 1; a < numMoments; a++) {
            if (!(u[a] < Double.POSITIVE_INFINITY)) {
                return new Result(null, "numeric only: no bound on the moment " + rel.monomial(a)
                        + " from the bounding constraints of its clique (every variable needs a bounding constraint "
                        + "c - sum a_i z_i^2 >= 0 in its clique)");
            }
        }
        // traces, by row degree
        double[][] traces = new double[blocks.size()][];
        for (int blk = 0; blk < blocks.size(); blk++) {
            MonomialKey[] rows = rel.blockRows(blk);
            int s = rows.length;
            double[] t = new double[k + 1];
            int[] ids = rel.blockMomentIds(blk);
            if (ids != null) {
                for (int i = 0; i < s; i++) {
                    int d = rows[i].degree();
                    t[d] = Math.nextUp(t[d] + u[ids[i * s + i]]);
                }
                if (levelPow[blk] != null) {
                    for (int d = 0; d <= k; d++) {
                        t[d] = Math.min(t[d], levelPow[blk][d]);
                    }
                }
            } else {
                Polynomial g = pop.inequalities().get(blocks.get(blk).inequality());
                for (int i = 0; i < s; i++) {
                    MonomialKey b2 = rows[i].times(rows[i]);
                    int d = rows[i].degree();
                    for (int term = 0; term < g.numTerms(); term++) {
                        double v = g.coefficient(term);
                        int id = rel.momentId(b2.times(MonomialKey.ofTerm(g, term)));
                        if (id < 0) {
                            return new Result(null, "numeric only: a localizing diagonal moment is in no block");
                        }
                        if (v < 0 && nonneg.get(id)) {
                            continue;
                        }
                        t[d] = Math.nextUp(t[d] + Math.nextUp(Math.abs(v) * u[id]));
                    }
                }
            }
            traces[blk] = t;
        }
        return new Result(new SparseMomentBounds(u, traces, 2 * k), "");
    }

    /**
     * The 2x2 minors of a localizing block L: |L(b, c)| &lt;= sqrt(L(b, b) L(c, c)), with
     * L(b, c) = sum_t g_t w_{b+c+e_t}, bound each |w_{b+c+e_t}| by (sqrt(D_b D_c) + sum_{s != t}
     * |g_s| mu_s) / |g_t| where D_b bounds the diagonal entry from above.
     *
     * @return whether some bound improved
     */
    private static boolean localizingMinors(int[][][] ids, double[] g, double[] u, BitSet nonneg) {
        int s = ids.length;
        double[] diag = new double[s];
        for (int i = 0; i < s; i++) {
            double d = 0;
            for (int t = 0; t < g.length; t++) {
                if (g[t] < 0 && nonneg.get(ids[i][i][t])) {
                    continue;
                }
                d = Math.nextUp(d + Math.nextUp(Math.abs(g[t]) * u[ids[i][i][t]]));
            }
            diag[i] = d;
        }
        boolean changed = false;
        for (int i = 0; i < s; i++) {
            for (int j = i + 1; j < s; j++) {
                double minor = Math.nextUp(Math.sqrt(Math.nextUp(diag[i] * diag[j])));
                if (!(minor < Double.POSITIVE_INFINITY)) {
                    continue;
                }
                int[] e = ids[i][j];
                for (int t = 0; t < g.length; t++) {
                    double rest = minor;
                    for (int q = 0; q < g.length; q++) {
                        if (q != t) {
                            rest = Math.nextUp(rest + Math.nextUp(Math.abs(g[q]) * u[e[q]]));
                        }
                    }
                    double v = Math.nextUp(rest / Math.abs(g[t]));
                    if (v < u[e[t]]) {
                        u[e[t]] = v;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** The bounds, or null and why not. */
    record Result(SparseMomentBounds bounds, String reason) {
    }

    private static MonomialKey square(int i) {
        MonomialKey v = MonomialKey.variable(i);
        return v.times(v);
    }

    private static boolean containsAll(int[] sortedVars, Set<Integer> used) {
        for (int v : used) {
            if (java.util.Arrays.binarySearch(sortedVars, v) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return g as c - sum_i a_i z_i^2 (c &gt; 0, a_i &gt;= 0, some a_i &gt; 0), or null */
    private static Quadratic quadratic(Polynomial g, int n) {
        if (g.degree() != 2) {
            return null;
        }
        double c = 0;
        double[] a = new double[n];
        for (int t = 0; t < g.numTerms(); t++) {
            int d = g.termDegree(t);
            double v = g.coefficient(t);
            if (d == 0) {
                c = v;
                continue;
            }
            int sq = -1;
            for (int i = 0; i < n; i++) {
                if (g.exponent(t, i) == 2) {
                    sq = i;
                }
            }
            if (d != 2 || sq < 0 || !(v < 0)) {
                return null;
            }
            a[sq] = -v;
        }
        return c > 0 ? new Quadratic(c, a) : null;
    }
}
