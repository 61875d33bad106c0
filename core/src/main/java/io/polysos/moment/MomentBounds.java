package io.polysos.moment;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;

/**
 * Upper bounds, valid for <em>every</em> feasible point w of an order-k moment relaxation, on
 * |w_a| for each moment and on the trace of each moment or localizing matrix. They come from
 * the relaxation's quadratic bounding constraints g = c - sum_i a_i z_i^2 &gt;= 0 (c &gt; 0,
 * a_i &gt;= 0; the ball R^2 - |z|^2 and the box B^2 - z_i^2 that the hierarchy adds are of this
 * form). With T_j = sum_{|b| = j} w_{2b} (each w_{2b} &gt;= 0, a diagonal entry of M_k):
 * <ul>
 *   <li>the diagonal entry b of L_g (|b| &lt;= k - 1) gives sum_i a_i w_{2b + 2e_i} &lt;= c w_{2b};
 *       so w_{2b + 2e_i} &lt;= beta_i^2 w_{2b} with beta_i^2 = c / a_i (a_i &gt; 0), hence
 *       w_{2b} &lt;= prod_i beta_i^{2 b_i};
 *   <li>when every a_i &gt; 0, summing over |b| = j gives T_{j+1} &lt;= rho^2 T_j with
 *       rho^2 = c / min_i a_i, hence T_j &lt;= rho^{2j} (T_0 = w_0 = 1);
 *   <li>|w_{b+c}| &lt;= sqrt(w_{2b} w_{2c}) (a 2x2 minor of M_k), so for |a| &lt;= 2k
 *       |w_a| &lt;= mu_a = min(rho^{|a|}, prod_i beta_i^{a_i});
 *   <li>trace M_k = sum_{j &lt;= k} T_j &lt;= sum_j min(rho^{2j}, sum_{|b| = j} prod_i beta_i^{2 b_i});
 *   <li>trace L_g = sum_b sum_e g_e w_{2b+e} &lt;= sum_b sum_e' |g_e| mu_{2b+e}, where e' skips the
 *       terms with an even exponent e and g_e &lt; 0 (their w_{2b+e} is a diagonal entry of M_k,
 *       so they only lower the trace).
 * </ul>
 * Every product, quotient, square root and sum is rounded upward. Without such constraints
 * covering every variable there are no finite bounds ({@link #of} returns null).
 */
final class MomentBounds implements VerifiedBound.Bounds {

    private final double[] moment;
    private final double[][] trace;

    private final int maxDegree;

    private MomentBounds(double[] moment, double[][] trace, int maxDegree) {
        this.moment = moment;
        this.trace = trace;
        this.maxDegree = maxDegree;
    }

    /** @return mu_r, the bound on |w_r| for the monomial of rank r */
    @Override
    public double moment(int r) {
        return moment[r];
    }

    /**
     * @param block the SDP block (moment block 0, localizing 1 + j)
     * @param q a scaling exponent
     * @return an upper bound on trace(D S D) for that block's matrix S over the feasible set, where
     *         D = diag(2^{-q |b|}) over the rows b (q = 0: the plain trace)
     */
    @Override
    public double trace(int block, int q) {
        double[] t = trace[block];
        double sum = 0;
        for (int j = 0; j < t.length; j++) {
            sum += Math.scalb(t[j], -2 * q * j);
        }
        return ExactDot.up(sum, t.length);
    }

    /** @return a power-of-two scaling exponent matching the bounds: about log2 of the largest radius */
    @Override
    public int naturalScale() {
        double r = 1;
        for (double m : moment) {
            r = Math.max(r, m);
        }
        int d = Math.max(1, maxDegree);
        return Math.max(0, (int) Math.round(Math.log(r) / Math.log(2) / d));
    }

    /**
     * @param pop the problem relaxed (bounding constraints included)
     * @param k the order
     * @param basis the monomials of degree &lt;= 2k
     * @return the bounds, or null when some variable is not bounded by a constraint of the form
     *         above
     */
    static MomentBounds of(Pop pop, int k, MonomialBasis basis) {
        int n = pop.numVariables();
        double[] beta2 = new double[n];
        java.util.Arrays.fill(beta2, Double.POSITIVE_INFINITY);
        double rho2 = Double.POSITIVE_INFINITY;
        for (Polynomial g : pop.inequalities()) {
            if (g.degree() != 2 || k < 1) {
                continue;
            }
            double c = 0;
            double[] a = new double[n];
            boolean form = true;
            for (int t = 0; t < g.numTerms() && form; t++) {
                int d = g.termDegree(t);
                double v = g.coefficient(t);
                if (d == 0) {
                    c = v;
                } else if (d == 2 && v < 0 && square(g, t) >= 0) {
                    a[square(g, t)] = -v;
                } else {
                    form = false;
                }
            }
            if (!form || !(c > 0)) {
                continue;
            }
            double amin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (a[i] > 0) {
                    beta2[i] = Math.min(beta2[i], Math.nextUp(c / a[i]));
                }
                amin = Math.min(amin, a[i]);
            }
            if (amin > 0) {
                rho2 = Math.min(rho2, Math.nextUp(c / amin));
            }
        }
        boolean all = true;
        for (double b : beta2) {
            all &= Double.isFinite(b);
        }
        if (!all) {
            return null;
        }
        int size = basis.size();
        // rho^{2j}, j = 0..2k, rounded up
        double[] p = new double[2 * k + 1];
        p[0] = 1;
        for (int j = 1; j <= 2 * k; j++) {
            p[j] = Math.nextUp(p[j - 1] * rho2);
        }
        double[] moment = new double[size];
        double[] diagByDegree = new double[k + 1];
        for (int r = 0; r < size; r++) {
            int d = basis.degree(r);
            double q = 1;
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < basis.exponent(r, i); e++) {
                    q = Math.nextUp(q * beta2[i]);
                }
            }
            double viaBeta = Math.nextUp(Math.sqrt(q));
            double viaRho = d % 2 == 0 ? p[d / 2] : Math.nextUp(Math.sqrt(Math.nextUp(p[d / 2] * p[d / 2 + 1])));
            moment[r] = Math.min(viaBeta, viaRho);
            if (d % 2 == 0 && d / 2 <= k && isEven(basis, r)) {
                diagByDegree[d / 2] += viaBeta;
            }
        }
        double[][] trace = new double[1 + pop.inequalities().size()][];
        trace[0] = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            trace[0][j] = Math.min(p[j], ExactDot.up(diagByDegree[j], basis.sizeOfDegree(2 * k)));
        }
        for (int gi = 0; gi < pop.inequalities().size(); gi++) {
            Polynomial g = pop.inequalities().get(gi);
            int dg = k - Pop.ceilHalf(g.degree());
            int rows = basis.sizeOfDegree(dg);
            int[] ge = MomentRelaxation.flatExponents(g);
            double[] sum = new double[dg + 1];
            long terms = 0;
            for (int b = 0; b < rows; b++) {
                int bb = basis.rankOfSum(b, b);
                for (int t = 0; t < g.numTerms(); t++) {
                    double v = g.coefficient(t);
                    if (v < 0 && evenTerm(g, t)) {
                        continue;
                    }
                    int r = (int) Monomials.rankOfSum(basis.exponents(), bb * n, ge, t * n, n);
                    sum[basis.degree(b)] += Math.nextUp(Math.abs(v) * moment[r]);
                    terms++;
                }
            }
            for (int j = 0; j <= dg; j++) {
                sum[j] = ExactDot.up(sum[j], terms);
            }
            trace[1 + gi] = sum;
        }
        return new MomentBounds(moment, trace, 2 * k);
    }

    /** @return i when term t of g is z_i^2, else -1 */
    private static int square(Polynomial g, int t) {
        for (int i = 0; i < g.numVariables(); i++) {
            if (g.exponent(t, i) == 2) {
                return i;
            }
        }
        return -1;
    }

    private static boolean evenTerm(Polynomial g, int t) {
        for (int i = 0; i < g.numVariables(); i++) {
            if (g.exponent(t, i) % 2 != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEven(MonomialBasis basis, int r) {
        for (int i = 0; i < basis.numVariables(); i++) {
            if (basis.exponent(r, i) % 2 != 0) {
                return false;
            }
        }
        return true;
    }
}
