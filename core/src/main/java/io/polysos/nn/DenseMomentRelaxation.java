package io.polysos.nn;

import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The dense order-k moment relaxation of a {@link Pop} (DESIGN section 4) as an
 * {@link SdpProblem}, with the readouts the learner needs: first-order moments and moment
 * matrix spectra for flat truncation. SDP variable i is the moment w_a of the monomial of
 * graded rank i + 1 (w_0 = 1 sits in F_0); blocks: M_k[w], then one localizing matrix per
 * inequality in order, then one ZERO block per equality.
 */
public final class DenseMomentRelaxation {

    /**
     * Default relative threshold of numerical ranks: a rank cut is only made below
     * tol * lambda_max (eigenvalues above it always count).
     */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-3;
    /** Smallest ratio lambda_r / lambda_{r+1} accepted as the gap that ends a numerical rank r. */
    public static final double DEFAULT_RANK_GAP = 1e3;

    private final Pop pop;
    private final int order;
    private final SdpProblem sdp;
    private final double objectiveConstant;

    private DenseMomentRelaxation(Pop pop, int order, SdpProblem sdp, double objectiveConstant) {
        this.pop = pop;
        this.order = order;
        this.sdp = sdp;
        this.objectiveConstant = objectiveConstant;
    }

    /**
     * Builds the order-k relaxation.
     *
     * @throws IllegalArgumentException when k is below the POP's minimum order
     */
    public static DenseMomentRelaxation build(Pop pop, int k) {
        if (k < pop.minimumOrder()) {
            throw new IllegalArgumentException("order " + k + " is below the minimum order " + pop.minimumOrder());
        }
        int n = pop.numVariables();
        int nMom = Monomials.countAsInt(n, 2 * k);
        SdpProblem.Builder b = SdpProblem.builder(nMom - 1).name(pop.name() + "-order" + k);
        Polynomial f = pop.objective();
        double f0 = 0;
        for (int t = 0; t < f.numTerms(); t++) {
            long r = f.rank(t);
            if (r == 0) {
                f0 += f.coefficient(t);
            } else {
                b.objective((int) r - 1, f.coefficient(t));
            }
        }
        int sk = Monomials.countAsInt(n, k);
        int[][] mon = new int[sk][];
        for (int r = 0; r < sk; r++) {
            mon[r] = Monomials.unrank(n, r);
        }
        int blk = b.addBlock(BlockKind.PSD, sk);
        for (int r = 0; r < sk; r++) {
            for (int c = r; c < sk; c++) {
                put(b, blk, r, c, Monomials.rankOfSum(mon[r], mon[c]), 1.0);
            }
        }
        int[] e = new int[n];
        int[] sum = new int[n];
        for (Polynomial g : pop.inequalities()) {
            int s = Monomials.countAsInt(n, k - Pop.ceilHalf(g.degree()));
            int bg = b.addBlock(BlockKind.PSD, s);
            for (int r = 0; r < s; r++) {
                for (int c = r; c < s; c++) {
                    for (int q = 0; q < n; q++) {
                        sum[q] = mon[r][q] + mon[c][q];
                    }
                    for (int t = 0; t < g.numTerms(); t++) {
                        for (int q = 0; q < n; q++) {
                            e[q] = g.exponent(t, q);
                        }
                        put(b, bg, r, c, Monomials.rankOfSum(sum, e), g.coefficient(t));
                    }
                }
            }
        }
        for (Polynomial h : pop.equalities()) {
            int s = Monomials.countAsInt(n, 2 * k - h.degree());
            int bh = b.addBlock(BlockKind.ZERO, s);
            for (int r = 0; r < s; r++) {
                int[] a = Monomials.unrank(n, r);
                for (int t = 0; t < h.numTerms(); t++) {
                    for (int q = 0; q < n; q++) {
                        e[q] = h.exponent(t, q);
                    }
                    put(b, bh, r, r, Monomials.rankOfSum(a, e), h.coefficient(t));
                }
            }
        }
        return new DenseMomentRelaxation(pop, k, b.build(), f0);
    }

    private static void put(SdpProblem.Builder b, int blk, int r, int c, long rank, double v) {
        if (rank == 0) {
            b.addEntry(0, blk, r, c, -v);
        } else {
            b.addEntry((int) rank, blk, r, c, v);
        }
    }

    public Pop pop() {
        return pop;
    }

    public int order() {
        return order;
    }

    /** @return the SDP */
    public SdpProblem sdp() {
        return sdp;
    }

    /** @return the objective's constant term, to add to the SDP objective value */
    public double objectiveConstant() {
        return objectiveConstant;
    }

    /** @return the size of the moment matrix M_k */
    public int momentMatrixSize() {
        return sdp.block(0).size();
    }

    /** @return the first-order moments (w_{e_1}, ..., w_{e_n}) of an SDP point y (not modified) */
    public double[] firstOrderMoments(double[] y) {
        int n = pop.numVariables();
        double[] z = new double[n];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1;
            z[i] = y[(int) Monomials.rank(a) - 1];
            a[i] = 0;
        }
        return z;
    }

    /** @return the eigenvalues of M_t[w] (t &lt;= k), descending, for an SDP point y (not modified) */
    public double[] momentSpectrum(double[] y, int t) {
        int n = pop.numVariables();
        int s = Monomials.countAsInt(n, t);
        int[][] mon = new int[s][];
        for (int r = 0; r < s; r++) {
            mon[r] = Monomials.unrank(n, r);
        }
        DMatrixRMaj m = new DMatrixRMaj(s, s);
        for (int r = 0; r < s; r++) {
            for (int c = r; c < s; c++) {
                long rk = Monomials.rankOfSum(mon[r], mon[c]);
                double v = rk == 0 ? 1.0 : y[(int) rk - 1];
                m.set(r, c, v);
                m.set(c, r, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s, false, true);
        double[] ev = new double[s];
        if (!eig.decompose(m)) {
            java.util.Arrays.fill(ev, Double.NaN);
            return ev;
        }
        for (int i = 0; i < s; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(ev);
        for (int i = 0; i < s / 2; i++) {
            double tmp = ev[i];
            ev[i] = ev[s - 1 - i];
            ev[s - 1 - i] = tmp;
        }
        return ev;
    }

    /**
     * The numerical rank of a descending spectrum by gap detection: among cuts r where
     * lambda_{r+1} &lt;= tol * lambda_1, the one with the largest ratio lambda_r / lambda_{r+1};
     * accepted when that ratio is at least {@link #DEFAULT_RANK_GAP}, otherwise the rank is the
     * number of eigenvalues above tol * lambda_1 (interior-point solutions leave the null space
     * eigenvalues at about the square root of the duality gap, far from zero but well separated).
     */
    public static int numericalRank(double[] spectrum, double tol) {
        if (spectrum.length == 0 || !(spectrum[0] > 0)) {
            return 0;
        }
        double top = spectrum[0];
        int best = -1;
        double bestRatio = 0;
        for (int r = 1; r < spectrum.length; r++) {
            double next = Math.max(spectrum[r], 1e-300 * top);
            if (next <= tol * top) {
                double ratio = Math.max(spectrum[r - 1], 1e-300 * top) / next;
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = r;
                }
            }
        }
        if (best > 0 && bestRatio >= DEFAULT_RANK_GAP) {
            return best;
        }
        int r = 0;
        for (double v : spectrum) {
            if (v > tol * top) {
                r++;
            }
        }
        return r;
    }
}
