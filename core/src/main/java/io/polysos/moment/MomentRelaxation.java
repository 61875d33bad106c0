package io.polysos.moment;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpShape;
import io.polysos.sdp.SdpSolution;

/**
 * The order-k moment relaxation of a {@link Pop} as an {@link SdpProblem} (DESIGN section 4):
 * <pre>
 *   minimize   sum_a f_a w_a   (w_0 = 1; the constant f_0 is added back by {@link #bound})
 *   subject to M_k[w] PSD                     entry (b, c) = w_{b+c},           |b|,|c| &lt;= k
 *              L_{g_j}[w] PSD                 entry (b, c) = sum_e g_{j,e} w_{b+c+e}, |b|,|c| &lt;= k - ceil(deg g_j / 2)
 *              sum_e h_{l,e} w_{a+e} = 0      for every |a| &lt;= 2k - deg h_l (one ZERO block for all l)
 * </pre>
 * The SDP variables are the moments w_a with 0 &lt; |a| &lt;= 2k: the moment of rank r
 * ({@link Monomials}) is SDP variable r - 1. Since S(y) = sum_i y_i F_i - F_0 must equal the
 * matrices above, F_0 holds minus the coefficient of w_0 = 1. Block 0 is the moment matrix,
 * block 1 + j the localizing matrix of g_j, and the last block (when there are equalities)
 * the ZERO block; its rows are ordered by l, then by the rank of a. With two or more
 * equalities the rows h_l z^a are linearly dependent (h_1 h_2 - h_2 h_1 = 0, and so on); a
 * ZERO block with dependent rows has no strictly feasible dual and stalls interior-point
 * solvers, so only a linearly independent subset is kept: rows are taken in that order and a
 * row is dropped when elimination on leading monomials reduces it to below
 * {@link #DEFAULT_DEPENDENT_ROW_TOLERANCE} times its largest coefficient. Dropping a row that
 * is a combination of kept rows does not change the feasible set.
 */
public final class MomentRelaxation {

    private final Pop pop;
    private final int order;
    private final MonomialBasis basis;
    private final SdpProblem problem;
    private final int[] localizingSizes;
    private final int equalityBlock;
    private final int[] equalityRowStart;
    private final int[] equalityRowCount;
    private final int[] equalityRowMonomial;

    /**
     * Relative tolerance below which an equality row, reduced against the rows kept before
     * it, counts as linearly dependent and is dropped.
     */
    public static final double DEFAULT_DEPENDENT_ROW_TOLERANCE = 1e-9;

    private MomentRelaxation(Pop pop, int order) {
        this.pop = pop;
        this.order = order;
        int k0 = pop.minimumOrder();
        if (order < k0) {
            throw new IllegalArgumentException("relaxation order " + order + " is below the minimum order k0 = " + k0);
        }
        int n = pop.numVariables();
        this.basis = new MonomialBasis(n, 2 * order);
        int numMoments = basis.size();
        int m = numMoments - 1;
        SdpProblem.Builder b = SdpProblem.builder(m).name((pop.name().isEmpty() ? "pop" : pop.name()) + "-order-" + order);

        // objective: c_{r-1} = f_r
        Polynomial f = pop.objective();
        for (int t = 0; t < f.numTerms(); t++) {
            long r = f.rank(t);
            if (r > 0) {
                b.objective((int) r - 1, f.coefficient(t));
            }
        }
        int[] e = basis.exponents();

        // moment matrix
        int s = basis.sizeOfDegree(order);
        int blk = b.addBlock(BlockKind.PSD, s);
        for (int i = 0; i < s; i++) {
            for (int j = i; j < s; j++) {
                int r = (int) Monomials.rankOfSum(e, i * n, e, j * n, n);
                if (r == 0) {
                    b.entry(0, blk, i, j, -1.0);
                } else {
                    b.entry(r, blk, i, j, 1.0);
                }
            }
        }

        // localizing matrices
        int p = pop.inequalities().size();
        this.localizingSizes = new int[p];
        for (int g = 0; g < p; g++) {
            Polynomial gp = pop.inequalities().get(g);
            int dg = order - Pop.ceilHalf(gp.degree());
            int sg = basis.sizeOfDegree(dg);
            localizingSizes[g] = sg;
            int lb = b.addBlock(BlockKind.PSD, sg);
            int[] ge = flatExponents(gp);
            double[] gc = new double[gp.numTerms()];
            for (int t = 0; t < gc.length; t++) {
                gc[t] = gp.coefficient(t);
            }
            for (int i = 0; i < sg; i++) {
                for (int j = i; j < sg; j++) {
                    for (int t = 0; t < gc.length; t++) {
                        int r = (int) Monomials.rankOfSum(e, i * n, e, j * n, ge, t * n, n);
                        if (r == 0) {
                            b.addEntry(0, lb, i, j, -gc[t]);
                        } else {
                            b.addEntry(r, lb, i, j, gc[t]);
                        }
                    }
                }
            }
        }

        // equalities: rows h_l z^a, |a| <= 2k - deg h_l, keeping a linearly independent subset
        int q = pop.equalities().size();
        this.equalityRowStart = new int[q];
        this.equalityRowCount = new int[q];
        int candidates = 0;
        for (int l = 0; l < q; l++) {
            int dh = pop.equalities().get(l).degree();
            candidates += dh < 0 ? 0 : basis.sizeOfDegree(2 * order - dh);
        }
        int[] rowMonomial = new int[candidates];
        IndependentRows selector = q >= 2 ? new IndependentRows(numMoments, DEFAULT_DEPENDENT_ROW_TOLERANCE) : null;
        int rows = 0;
        int[] cols = new int[16];
        double[] vals = new double[16];
        for (int l = 0; l < q; l++) {
            Polynomial h = pop.equalities().get(l);
            int dh = h.degree();
            equalityRowStart[l] = rows;
            int count = dh < 0 ? 0 : basis.sizeOfDegree(2 * order - dh);
            if (cols.length < h.numTerms()) {
                cols = new int[h.numTerms()];
                vals = new double[h.numTerms()];
            }
            for (int a = 0; a < count; a++) {
                for (int t = 0; t < h.numTerms(); t++) {
                    cols[t] = rankTimes(e, a * n, h, t, n);
                    vals[t] = h.coefficient(t);
                }
                if (selector == null || selector.addIfIndependent(cols, vals, h.numTerms())) {
                    rowMonomial[rows++] = a;
                }
            }
            equalityRowCount[l] = rows - equalityRowStart[l];
        }
        this.equalityRowMonomial = java.util.Arrays.copyOf(rowMonomial, rows);
        if (rows > 0) {
            int zb = b.addBlock(BlockKind.ZERO, rows);
            this.equalityBlock = zb;
            for (int l = 0; l < q; l++) {
                Polynomial h = pop.equalities().get(l);
                for (int row = equalityRowStart[l]; row < equalityRowStart[l] + equalityRowCount[l]; row++) {
                    int a = equalityRowMonomial[row];
                    for (int t = 0; t < h.numTerms(); t++) {
                        int r = rankTimes(e, a * n, h, t, n);
                        if (r == 0) {
                            b.addEntry(0, zb, row, row, -h.coefficient(t));
                        } else {
                            b.addEntry(r, zb, row, row, h.coefficient(t));
                        }
                    }
                }
            }
        } else {
            this.equalityBlock = -1;
        }
        this.problem = b.build();
    }

    private static int rankTimes(int[] e, int off, Polynomial h, int t, int n) {
        long rank = 0;
        int sum = 0;
        for (int j = n - 1; j >= 0; j--) {
            sum += e[off + j] + h.exponent(t, j);
            rank += Monomials.binomial(sum + n - j - 1, n - j);
        }
        return (int) rank;
    }

    /**
     * The shape of the order-k relaxation, from the problem's sizes and degrees alone (nothing is
     * built): C(n + 2k, 2k) - 1 moments, the moment matrix of C(n + k, k) rows, one localizing
     * matrix of C(n + k - ceil(deg g / 2), n) rows per inequality and at most
     * sum_l C(n + 2k - deg h_l, n) equality rows (dependent rows are dropped when built). Sizes
     * saturate at {@link Long#MAX_VALUE}.
     *
     * @param pop the problem (with its bounding constraints)
     * @param order k &gt;= k0
     */
    public static SdpShape shape(Pop pop, int order) {
        int n = pop.numVariables();
        long moments = count(n, 2 * order);
        SdpShape.Builder b = SdpShape.builder(moments == Long.MAX_VALUE ? moments : moments - 1);
        b.add(BlockKind.PSD, count(n, order), 1);
        for (Polynomial g : pop.inequalities()) {
            b.add(BlockKind.PSD, count(n, order - Pop.ceilHalf(g.degree())), 1);
        }
        long rows = 0;
        for (Polynomial h : pop.equalities()) {
            rows = h.degree() < 0 ? rows : SdpShape.saturatingAdd(rows, count(n, 2 * order - h.degree()));
        }
        b.add(BlockKind.ZERO, rows, 1);
        return b.build();
    }

    /** @return C(n + d, d), {@link Long#MAX_VALUE} when it overflows, 0 for d &lt; 0 */
    private static long count(int n, int d) {
        try {
            return Monomials.count(n, d);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * @param pop the problem
     * @param order k &gt;= k0 = {@link Pop#minimumOrder()}
     * @return the order-k relaxation
     * @throws IllegalArgumentException when k &lt; k0
     */
    public static MomentRelaxation build(Pop pop, int order) {
        return new MomentRelaxation(pop, order);
    }

    public Pop pop() {
        return pop;
    }

    /** @return k */
    public int order() {
        return order;
    }

    /** @return the monomials of degree &lt;= 2k, indexing the moment vector */
    public MonomialBasis basis() {
        return basis;
    }

    /** @return the SDP */
    public SdpProblem sdpProblem() {
        return problem;
    }

    /** @return C(n + 2k, 2k), the length of the moment vector (w_0 included) */
    public int numMoments() {
        return basis.size();
    }

    /** @return C(n + k, k) */
    public int momentMatrixSize() {
        return basis.sizeOfDegree(order);
    }

    /** @return the SDP block of the moment matrix (0) */
    public int momentBlock() {
        return 0;
    }

    /** @return the SDP block of the localizing matrix of g_j */
    public int localizingBlock(int j) {
        if (j < 0 || j >= localizingSizes.length) {
            throw new IllegalArgumentException("inequality index " + j + " out of range [0, " + localizingSizes.length + ")");
        }
        return 1 + j;
    }

    /** @return the size of the localizing matrix of g_j, C(n + k - ceil(deg g_j/2), ...) */
    public int localizingSize(int j) {
        return localizingSizes[j];
    }

    /** @return the ZERO block of the equalities, or -1 when there is none */
    public int equalityBlock() {
        return equalityBlock;
    }

    /** @return the first row of equality l in the ZERO block */
    public int equalityRowStart(int l) {
        return equalityRowStart[l];
    }

    /**
     * @return the number of rows of equality l: the monomials a with |a| &lt;= 2k - deg h_l,
     *         minus the rows dropped as dependent on earlier ones
     */
    public int equalityRowCount(int l) {
        return equalityRowCount[l];
    }

    /** @return the rank of the multiplier monomial a of ZERO-block row {@code row} (row of h_l z^a) */
    public int equalityRowMonomial(int row) {
        return equalityRowMonomial[row];
    }

    /**
     * @return the moment vector w (length {@link #numMoments()}, indexed by rank, w_0 = 1)
     *         from the SDP solution's y
     */
    public double[] moments(SdpSolution solution) {
        return momentVector(solution, numMoments());
    }

    /**
     * @param solution an SDP solution whose variable i is moment i + 1 (not modified)
     * @param numMoments the number of moments, 1 included
     * @return (1, y_0, ..., y_{m-1}), a new array of length numMoments
     */
    public static double[] momentVector(SdpSolution solution, int numMoments) {
        double[] y = solution.y();
        if (y.length != numMoments - 1) {
            throw new IllegalArgumentException("solution has " + y.length + " variables, the relaxation has "
                    + (numMoments - 1));
        }
        double[] w = new double[numMoments];
        w[0] = 1;
        System.arraycopy(y, 0, w, 1, y.length);
        return w;
    }

    /** @return the lower bound c.y + f_0 from the solution's primal (moment) objective */
    public double bound(SdpSolution solution) {
        return solution.primalObjective() + pop.objective().constantTerm();
    }

    /** @return the SOS-side bound &lt;F_0, Y&gt; + f_0 from the solution's dual objective */
    public double dualBound(SdpSolution solution) {
        return solution.dualObjective() + pop.objective().constantTerm();
    }

    /**
     * @param w a moment vector indexed by rank (length at least C(n + 2t, 2t); not modified)
     * @param t the order, t &lt;= k
     * @return M_t[w], dense, C(n+t, t) square
     */
    public double[][] momentMatrix(double[] w, int t) {
        return momentMatrix(basis, w, t);
    }

    /** M_t[w] for a moment vector indexed by the ranks of basis (w not modified). */
    public static double[][] momentMatrix(MonomialBasis basis, double[] w, int t) {
        if (2 * t > basis.maxDegree()) {
            throw new IllegalArgumentException("order " + t + " needs moments up to degree " + 2 * t
                    + ", the basis has degree " + basis.maxDegree());
        }
        int s = basis.sizeOfDegree(t);
        double[][] m = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = i; j < s; j++) {
                double v = w[basis.rankOfSum(i, j)];
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /** The localizing matrix of g at order t (rows: degree &lt;= t - ceil(deg g / 2)); w not modified. */
    public static double[][] localizingMatrix(MonomialBasis basis, Polynomial g, double[] w, int t) {
        int n = basis.numVariables();
        int s = basis.sizeOfDegree(t - Pop.ceilHalf(g.degree()));
        int[] e = basis.exponents();
        int[] ge = flatExponents(g);
        double[][] m = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = i; j < s; j++) {
                double v = 0;
                for (int term = 0; term < g.numTerms(); term++) {
                    long r = Monomials.rankOfSum(e, i * n, e, j * n, ge, term * n, n);
                    v += g.coefficient(term) * w[(int) r];
                }
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /** @return the exponent vectors of g's terms, term t at offset t * n (a new array) */
    static int[] flatExponents(Polynomial g) {
        int n = g.numVariables();
        int[] ge = new int[g.numTerms() * n];
        for (int t = 0; t < g.numTerms(); t++) {
            for (int v = 0; v < n; v++) {
                ge[t * n + v] = g.exponent(t, v);
            }
        }
        return ge;
    }
}
