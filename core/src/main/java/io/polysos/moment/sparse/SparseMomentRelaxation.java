package io.polysos.moment.sparse;

import io.polysos.moment.MomentRelaxation;
import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order-k sparse moment relaxation of a {@link Pop} as an {@link SdpProblem}.
 *
 * <p>With cliques I_1..I_p of the correlative sparsity pattern ({@link CorrelativeSparsity};
 * one clique of every variable without it) and B_l the monomials in the variables of I_l of
 * degree at most k:
 * <pre>
 *   minimize   sum_a f_a w_a / s   (w_0 = 1; f_0 and the scale s = {@link #objectiveScale} are put back by {@link #bound})
 *   subject to M_k[w, I_l] PSD                  entry (b, c) = w_{b+c},                b, c in B_l
 *              L_{g_j}[w, I_l] PSD              entry (b, c) = sum_e g_{j,e} w_{b+c+e}, |b|,|c| &lt;= k - ceil(deg g_j / 2)
 *              sum_e h_{l,e} w_{a+e} = 0        a over I_l, |a| &lt;= 2k - deg h_l (one ZERO block)
 * </pre>
 * where g_j and h_l go to the smallest clique containing their variables. One SDP variable
 * per distinct monomial shares the moments between cliques. Under term sparsity each of
 * those matrices is replaced by its principal submatrices on the blocks of the term-sparsity
 * graph (TSSOS): nodes are the row monomials, b ~ c when b + c (+ e for some term e of g_j)
 * lies in the current support A, extended to a chordal graph (block closure: connected
 * components, or the maximal cliques of a minimum-degree extension). Step 1 takes for A the
 * monomials of f, g_j and h_l (the diagonal is always kept); step s + 1 adds every monomial of
 * step s's blocks ({@link #nextStep}). Equality rows are kept under term sparsity only when
 * all their moments occur in some block. Every choice of blocks is a relaxation of the dense
 * one of the same order, so the bounds never exceed it. Linearly dependent equality rows are
 * dropped as in {@link MomentRelaxation}. Equalities z_i^2 = 1 and z_i^2 = z_i are handled
 * by reduction modulo the ideal ({@link IdealReduction}): every monomial is replaced by its
 * multilinear normal form, only rows whose monomial is a normal form are kept, and these
 * equalities get no rows.
 *
 * <p>The constant monomial is moment id 0 (F_0); moment id i &gt; 0 is SDP variable i - 1.
 */
public final class SparseMomentRelaxation {

    /**
     * One PSD block of the relaxation.
     *
     * @param clique its clique
     * @param inequality the inequality whose localizing matrix it belongs to, -1 for the moment matrix
     * @param size its number of rows
     */
    public record Block(int clique, int inequality, int size) {
    }

    private final Pop pop;
    private final int order;
    private final SparsityOptions options;
    private final int tsStep;
    private final CorrelativeSparsity cs;
    private final Set<MonomialKey> support;
    private final Map<MonomialKey, Integer> ids = new HashMap<>();
    private final List<MonomialKey> monomials = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<MonomialKey[]> blockRows = new ArrayList<>();
    private final List<int[]> blockMomentIds = new ArrayList<>();
    private final int equalityRows;
    private final double objectiveScale;
    private final IdealReduction ideal;
    private final boolean newtonReduced;
    private double objectiveConstant;
    private final SdpProblem problem;
    private final SdpEntries entries = new SdpEntries(); // until assemble() hands them to the SDP builder

    private SparseMomentRelaxation(Pop pop, int order, SparsityOptions options, CorrelativeSparsity cs, int tsStep,
            Set<MonomialKey> support) {
        int k0 = pop.minimumOrder();
        if (order < k0) {
            throw new IllegalArgumentException("relaxation order " + order + " is below the minimum order k0 = " + k0);
        }
        this.pop = pop;
        this.order = order;
        this.options = options;
        this.cs = cs;
        this.tsStep = tsStep;
        this.support = support;
        this.ideal = IdealReduction.of(pop);
        idOf(MonomialKey.ONE);
        boolean term = options.sparsity().term();
        TermSparsityBlocks ts = term ? new TermSparsityBlocks(support, ideal, options.chordalTermExtension()) : null;
        NewtonFilter newton = newtonApplies(options, pop) ? new NewtonFilter(pop.objective()) : null;
        this.newtonReduced = newton != null;
        List<int[]> cliques = cs.cliques();
        List<PendingBlock> newtonBlocks = new ArrayList<>(); // awaiting the diagonal-consistency pruning
        for (int c = 0; c < cliques.size(); c++) {
            int[] vars = cliques.get(c);
            int nc = vars.length;
            int[] zero = new int[nc];
            MonomialBasis basis = new MonomialBasis(nc, order);
            int s = basis.sizeOfDegree(order);
            int[] e = basis.exponents();
            int[][] one = {zero};
            double[] oneCoef = {1.0};
            for (int[] idx : blocksOf(ts, vars, e, normalRows(vars, e, s), one)) {
                if (newton != null) {
                    idx = newton.keptRows(vars, e, idx);
                    if (idx.length > 0) {
                        newtonBlocks.add(new PendingBlock(c, vars, e, idx));
                    }
                    continue;
                }
                emitBlock(c, -1, vars, e, idx, one, oneCoef);
            }
            for (int j = 0; j < pop.inequalities().size(); j++) {
                if (cs.inequalityClique(j) != c) {
                    continue;
                }
                Polynomial g = pop.inequalities().get(j);
                int dg = order - Pop.ceilHalf(g.degree());
                MonomialBasis gb = new MonomialBasis(nc, Math.max(dg, 0));
                int sg = gb.sizeOfDegree(dg);
                int[][] gt = localTerms(g, vars);
                double[] gc = g.coefficients();
                for (int[] idx : blocksOf(ts, vars, gb.exponents(), normalRows(vars, gb.exponents(), sg), gt)) {
                    emitBlock(c, j, vars, gb.exponents(), idx, gt, gc);
                }
            }
        }
        if (newton != null) {
            emitNewtonBlocks(newton, newtonBlocks);
        }
        this.equalityRows = EqualityRows.collect(pop, order, ideal, cs, term ? ids::get : this::idOf)
                .addIndependent(ids.size(), entries, blocks.size());
        this.objectiveScale = objectiveScale(pop.objective());
        this.problem = assemble();
    }

    /**
     * @param pop the problem (with any bounding constraints already added)
     * @param order k &gt;= k0
     * @param options the sparsity; NONE gives the dense relaxation in this representation
     * @param cs the cliques (from {@link CorrelativeSparsity#of} with correlative sparsity on or off)
     * @return step 1 of the order-k relaxation
     */
    public static SparseMomentRelaxation build(Pop pop, int order, SparsityOptions options, CorrelativeSparsity cs) {
        return new SparseMomentRelaxation(pop, order, options, cs, 1, options.sparsity().term()
                ? initialSupport(pop, IdealReduction.of(pop)) : null);
    }

    /**
     * @return the next term-sparsity step (the support grown by this step's blocks), or null
     *         when there is no term sparsity or the support no longer grows (the blocks are
     *         stable)
     */
    public SparseMomentRelaxation nextStep() {
        if (support == null) {
            return null;
        }
        Set<MonomialKey> next = new HashSet<>(support);
        next.addAll(ids.keySet());
        if (next.size() == support.size()) {
            return null;
        }
        return new SparseMomentRelaxation(pop, order, options, cs, tsStep + 1, next);
    }

    private static Set<MonomialKey> initialSupport(Pop pop, IdealReduction ideal) {
        Set<MonomialKey> a = new HashSet<>();
        addTerms(a, pop.objective(), ideal);
        pop.inequalities().forEach(g -> addTerms(a, g, ideal));
        for (int l = 0; l < pop.equalities().size(); l++) {
            if (!ideal.reducesEquality(l)) {
                addTerms(a, pop.equalities().get(l), ideal);
            }
        }
        return a;
    }

    private static void addTerms(Set<MonomialKey> a, Polynomial p, IdealReduction ideal) {
        for (int t = 0; t < p.numTerms(); t++) {
            a.add(ideal.reduce(MonomialKey.ofTerm(p, t)));
        }
    }

    /**
     * @return true when the Newton-polytope reduction is asked for and valid: pop has no
     *         constraint at all (bounding constraints included), so the moment matrix is the
     *         only block and the SOS side is f - lambda = sigma
     */
    static boolean newtonApplies(SparsityOptions options, Pop pop) {
        return options.newton() && pop.inequalities().isEmpty() && pop.equalities().isEmpty();
    }

    /** A moment-matrix block of the Newton basis awaiting the pruning: clique, its variables, basis exponents, rows kept. */
    private record PendingBlock(int clique, int[] vars, int[] exponents, int[] rows) {
    }

    /**
     * Emits the moment-matrix blocks of the Newton-polytope basis after the diagonal-consistency
     * pruning ({@link NewtonFilter#pruneDiagonal}), which looks at every block at once.
     */
    private void emitNewtonBlocks(NewtonFilter newton, List<PendingBlock> pending) {
        List<MonomialKey[]> rows = new ArrayList<>();
        for (PendingBlock p : pending) {
            int[] vars = p.vars();
            int[] e = p.exponents();
            int[] idx = p.rows();
            int[] zero = new int[vars.length];
            MonomialKey[] r = new MonomialKey[idx.length];
            for (int a = 0; a < idx.length; a++) {
                r[a] = MonomialKey.ofSum(vars, e, idx[a] * vars.length, zero, 0, null, 0);
            }
            rows.add(r);
        }
        boolean[][] keep = newton.pruneDiagonal(rows);
        double[] oneCoef = {1.0};
        for (int b = 0; b < pending.size(); b++) {
            PendingBlock p = pending.get(b);
            int[] vars = p.vars();
            int[] idx = p.rows();
            int[] kept = new int[idx.length];
            int len = 0;
            for (int a = 0; a < idx.length; a++) {
                if (keep[b][a]) {
                    kept[len++] = idx[a];
                }
            }
            if (len > 0) {
                int[][] one = {new int[vars.length]};
                emitBlock(p.clique(), -1, vars, p.exponents(), Arrays.copyOf(kept, len), one, oneCoef);
            }
        }
    }

    /** @return the local indices i &lt; s whose monomial is a normal form modulo the ideal (all without reduction) */
    private int[] normalRows(int[] vars, int[] e, int s) {
        int nc = vars.length;
        int[] zero = new int[nc];
        int[] out = new int[s];
        int k = 0;
        for (int i = 0; i < s; i++) {
            if (ideal.isNormal(MonomialKey.ofSum(vars, e, i * nc, zero, 0, null, 0))) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** @return term t of p as an exponent vector over the clique (local indices) */
    static int[][] localTerms(Polynomial p, int[] vars) {
        int[][] out = new int[p.numTerms()][vars.length];
        for (int t = 0; t < p.numTerms(); t++) {
            int inClique = 0;
            for (int i = 0; i < vars.length; i++) {
                out[t][i] = p.exponent(t, vars[i]);
                inClique += out[t][i];
            }
            if (inClique != p.termDegree(t)) {
                throw new IllegalStateException("a term of " + p + " leaves its clique");
            }
        }
        return out;
    }

    /** The row blocks of one matrix: all its rows, or under term sparsity those of {@link TermSparsityBlocks}. */
    private static List<int[]> blocksOf(TermSparsityBlocks ts, int[] vars, int[] e, int[] rows, int[][] terms) {
        return ts == null ? List.<int[]>of(rows) : ts.blocks(vars, e, rows, terms);
    }

    private void emitBlock(int clique, int inequality, int[] vars, int[] e, int[] idx, int[][] terms, double[] coefs) {
        int blk = blocks.size();
        blocks.add(new Block(clique, inequality, idx.length));
        int nc = vars.length;
        int s = idx.length;
        int[] zero = new int[nc];
        MonomialKey[] rows = new MonomialKey[s];
        for (int a = 0; a < s; a++) {
            rows[a] = MonomialKey.ofSum(vars, e, idx[a] * nc, zero, 0, null, 0);
        }
        blockRows.add(rows);
        int[] momentIds = inequality < 0 ? new int[s * s] : null;
        blockMomentIds.add(momentIds);
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                for (int t = 0; t < terms.length; t++) {
                    int id = idOf(ideal.reduce(MonomialKey.ofSum(vars, e, idx[a] * nc, e, idx[b] * nc, terms[t], 0)));
                    entries.add(id, blk, a, b, coefs[t]);
                    if (momentIds != null) {
                        momentIds[a * s + b] = id;
                        momentIds[b * s + a] = id;
                    }
                }
            }
        }
    }

    private int idOf(MonomialKey key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = monomials.size();
            ids.put(key, id);
            monomials.add(key);
        }
        return id;
    }

    private SdpProblem assemble() {
        Polynomial f = pop.objective();
        for (int t = 0; t < f.numTerms(); t++) {
            if (!ids.containsKey(ideal.reduce(MonomialKey.ofTerm(f, t)))) {
                throw new IllegalStateException("objective monomial " + MonomialKey.ofTerm(f, t) + " is in no block");
            }
        }
        int m = ids.size() - 1;
        String name = (pop.name().isEmpty() ? "pop" : pop.name()) + "-order-" + order + "-" + options.sparsity().label()
                + (options.sparsity().term() ? "-step-" + tsStep : "");
        SdpProblem.Builder b = SdpProblem.builder(m).name(name);
        double[] c = new double[m];
        objectiveConstant = 0;
        for (int t = 0; t < f.numTerms(); t++) {
            int id = ids.get(ideal.reduce(MonomialKey.ofTerm(f, t)));
            if (id > 0) {
                c[id - 1] += f.coefficient(t);
            } else {
                objectiveConstant += f.coefficient(t);
            }
        }
        for (int i = 0; i < m; i++) {
            if (c[i] != 0) {
                b.objective(i, c[i] / objectiveScale);
            }
        }
        for (Block blk : blocks) {
            b.addBlock(BlockKind.PSD, blk.size());
        }
        if (equalityRows > 0) {
            b.addBlock(BlockKind.ZERO, equalityRows);
        }
        entries.addTo(b);
        return b.build();
    }

    /** @return the largest |f_a| over the non-constant terms (1 when there are none) */
    private static double objectiveScale(Polynomial f) {
        double s = 0;
        for (int t = 0; t < f.numTerms(); t++) {
            if (f.rank(t) != 0) {
                s = Math.max(s, Math.abs(f.coefficient(t)));
            }
        }
        return s > 0 ? s : 1.0;
    }

    // ---------------------------------------------------------------- accessors

    /**
     * @return s, the largest |f_a| over the non-constant terms of f: the SDP minimizes
     *         sum_a (f_a / s) w_a, so that its objective is of order one whatever the scale of f
     *         (interior-point solvers measure their gap relative to 1 + |objective|, and the
     *         embedded one was measured to stall on Rosenbrock's coefficients of 100 unscaled)
     */
    public double objectiveScale() {
        return objectiveScale;
    }

    public Pop pop() {
        return pop;
    }

    /** @return k */
    public int order() {
        return order;
    }

    /** @return the term-sparsity step (1 without term sparsity) */
    public int tsStep() {
        return tsStep;
    }

    /**
     * @return true when the moment-matrix rows were reduced to half the Newton polytope of the
     *         objective (and pruned by diagonal consistency)
     */
    public boolean newtonReduced() {
        return newtonReduced;
    }

    public SparsityOptions options() {
        return options;
    }

    public CorrelativeSparsity correlativeSparsity() {
        return cs;
    }

    /** @return the SDP */
    public SdpProblem sdpProblem() {
        return problem;
    }

    /** @return the number of moments (the monomial 1 included) */
    public int numMoments() {
        return monomials.size();
    }

    /** @return the PSD blocks, in SDP block order (the ZERO block, if any, comes after them) */
    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** @return the monomial of moment id {@code id} */
    public MonomialKey monomial(int id) {
        return monomials.get(id);
    }

    /** @return the monomials of the rows of PSD block {@code block} */
    MonomialKey[] blockRows(int block) {
        return blockRows.get(block);
    }

    /**
     * @return for a moment-matrix block, the moment id of each entry (row-major, a new array
     *         is not made: do not modify); null for a localizing block
     */
    int[] blockMomentIds(int block) {
        return blockMomentIds.get(block);
    }

    /** @return the number of kept equality rows (the ZERO block's size) */
    public int equalityRows() {
        return equalityRows;
    }

    /** @return the largest PSD block */
    public int largestBlock() {
        return blocks.stream().mapToInt(Block::size).max().orElse(0);
    }

    /**
     * @return f_0 plus the terms of f whose normal form modulo the ideal is 1: the constant the
     *         SDP's objective leaves out
     */
    public double objectiveConstant() {
        return objectiveConstant;
    }

    /** @return the number of equalities handled by reduction modulo the ideal (no rows, fewer moments) */
    public int reducedEqualities() {
        return ideal.count();
    }

    /** @return the moment id of a monomial (of its normal form modulo the ideal), -1 when it occurs in no block */
    public int momentId(MonomialKey key) {
        Integer id = ids.get(ideal.reduce(key));
        return id == null ? -1 : id;
    }

    /** @return the moment vector by id (w_0 = 1) from the SDP solution's y */
    public double[] moments(SdpSolution solution) {
        return MomentRelaxation.momentVector(solution, numMoments());
    }

    /** @return the lower bound s (c.y) + f_0 from the solution's primal (moment) objective */
    public double bound(SdpSolution solution) {
        return objectiveScale * solution.primalObjective() + objectiveConstant;
    }

    /** @return the SOS-side bound s &lt;F_0, Y&gt; + f_0 from the solution's dual objective */
    public double dualBound(SdpSolution solution) {
        return objectiveScale * solution.dualObjective() + objectiveConstant;
    }

    /**
     * The moments of one clique in the clique's own monomial basis (local variables in the
     * clique's order), for rank tests and extraction.
     *
     * @param clique the clique
     * @param w the moment vector by id (not modified)
     * @param local the clique's monomial basis up to the degree wanted (at most 2k)
     * @return the moments indexed by the local basis's ranks, or null when some moment of that
     *         degree occurs in no block (possible under term sparsity)
     */
    public double[] cliqueMoments(int clique, double[] w, MonomialBasis local) {
        int[] vars = cs.cliques().get(clique);
        int nc = vars.length;
        int[] e = local.exponents();
        int[] zero = new int[nc];
        double[] out = new double[local.size()];
        for (int r = 0; r < out.length; r++) {
            Integer id = ids.get(ideal.reduce(MonomialKey.ofSum(vars, e, r * nc, zero, 0, null, 0)));
            if (id == null) {
                return null;
            }
            out[r] = w[id];
        }
        return out;
    }
}
