package io.polysos.moment.sparse;

import io.polysos.moment.AtomExtraction;
import io.polysos.moment.CandidatePoint;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MemoryBudget;
import io.polysos.moment.MomentRelaxation;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopResult;
import io.polysos.moment.RankDecision;
import io.polysos.moment.VerifiedBound;
import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sparse Moment-SOS hierarchy driver: orders k = k0, k0 + 1, ... (and under term
 * sparsity the steps 1..{@link SparsityOptions#tsSteps()} of each order) until a global
 * minimizer is certified.
 *
 * <p>Certification. Under correlative sparsity alone, each clique's moment matrices are
 * tested for flat truncation (rank M_t[w, I_l] = rank M_{t - d_l}[w, I_l] for some t in
 * [max(d_f, d_l), k], d_l = max(1, ceil(deg g / 2) over the clique's constraints)); when every
 * clique is flat its atoms are extracted and combined into global points agreeing on shared
 * variables ({@link CliqueAssembly}; Lasserre 2006, Nie and Demmel 2008), and the result is
 * certified when such a point is feasible and attains the bound: then bound &lt;= optimum &lt;=
 * its value = bound. The assembled points that fail the check are reported as candidates
 * (near-coincident minimizers can make a clique's rank look smaller than it is, and then its
 * moments mix two atoms); the solve must be optimal, or inaccurate with moment and SOS bounds
 * within the objective tolerance. Under term sparsity or a Newton-polytope basis the moment
 * matrices are only known in part, so there is no flatness test: the point of first-order
 * moments (and its polished version) is a candidate, and the run certifies only by the gap,
 * with the dense hierarchy's rule ({@link MomentSosSolver#verdict(Pop, List, OrderRecord,
 * boolean)} with flatness not tested): an exactly feasible point within the gap tolerance of a
 * verified bound. Otherwise the bound is reported (BOUND_ONLY) with the candidates. The dense
 * sparsity NONE (without the Newton basis) runs {@link MomentSosSolver} unchanged.
 */
public final class SparseMomentSosSolver {

    /** Largest problem whose candidates are polished by Newton steps (a dense n x n Hessian). */
    public static final int MAX_POLISH_VARIABLES = 400;

    private final SdpSolver solver;
    private final HierarchyOptions options;
    private final SparsityOptions sparsity;
    private final MomentSosSolver dense;

    public SparseMomentSosSolver(SdpSolver solver, HierarchyOptions options, SparsityOptions sparsity) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.options = Objects.requireNonNull(options, "options");
        this.sparsity = Objects.requireNonNull(sparsity, "sparsity");
        this.dense = new MomentSosSolver(solver, options);
    }

    /** Runs the hierarchy on pop (with the options' bounding constraints added). */
    public SparsePopResult solve(Pop original) {
        Pop pop = dense.bounded(original);
        if (sparsity.sparsity() == Sparsity.NONE && !SparseMomentRelaxation.newtonApplies(sparsity, pop)) {
            return new SparsePopResult(dense.solve(original), List.of(), null);
        }
        HierarchyOptions.Orders orders = options.orders(pop.minimumOrder());
        int kmin = orders.first();
        int kmax = orders.last();
        CorrelativeSparsity cs = CorrelativeSparsity.of(pop, sparsity.sparsity().correlative());
        boolean flatnessTested = !(sparsity.sparsity().term() || SparseMomentRelaxation.newtonApplies(sparsity, pop));
        List<OrderRecord> records = new ArrayList<>();
        List<SparseOrderInfo> infos = new ArrayList<>();
        OrderRecord last = null;
        String note = "";
        orders:
        for (int k = kmin; k <= kmax; k++) {
            long t0 = System.nanoTime();
            SparseMomentRelaxation rel = SparseMomentRelaxation.build(pop, k, sparsity, cs);
            for (int step = 1; rel != null; step++) {
                double build = (System.nanoTime() - t0) * 1e-9;
                String refusal = MemoryBudget.check(solver, options.maxMemoryBytes(), k, rel.sdpProblem());
                if (refusal != null) {
                    if (records.isEmpty()) {
                        throw new IllegalArgumentException(refusal);
                    }
                    note = "relaxations from order " + k + (sparsity.sparsity().term() ? " step " + step : "")
                            + " on were not run: " + refusal;
                    break orders;
                }
                Step s = solveStep(pop, rel, build);
                records.add(s.record());
                infos.add(s.info());
                options.progress().accept(s.record());
                if (s.record().sdpStatus().hasSolution()) {
                    last = s.record();
                }
                if (s.record().certified() || s.record().sdpStatus().isInfeasibleOrUnbounded()) {
                    break orders;
                }
                if (!flatnessTested && s.record().sdpStatus().hasSolution()
                        && dense.verdict(pop, records, last, false).isCertified()) {
                    break orders; // closed by the gap: nothing left to prove without flatness
                }
                if (step >= sparsity.tsSteps()) {
                    break;
                }
                t0 = System.nanoTime();
                rel = rel.nextStep();
            }
        }
        PopResult r = dense.verdict(pop, records, last, flatnessTested).withNote(note);
        return new SparsePopResult(r, List.copyOf(infos), cs, flatnessTested);
    }

    /**
     * The verified lower bound of a solved sparse relaxation ({@link VerifiedBound} with the
     * bounds of {@link SparseMomentBounds}: per clique, from its bounding constraints).
     */
    public static VerifiedBound verifiedBound(SparseMomentRelaxation rel, SdpSolution sol) {
        double numeric = rel.dualBound(sol);
        SparseMomentBounds.Result b = SparseMomentBounds.of(rel);
        if (b.bounds() == null) {
            return new VerifiedBound(Double.NaN, numeric, false, Double.NaN, Double.NaN, b.reason());
        }
        int nb = rel.sdpProblem().numBlocks();
        int psd = rel.blocks().size();
        int[][] degrees = new int[nb][];
        int[][] momentIds = new int[nb][];
        for (int blk = 0; blk < psd; blk++) {
            MonomialKey[] rows = rel.blockRows(blk);
            degrees[blk] = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                degrees[blk][i] = rows[i].degree();
            }
            momentIds[blk] = rel.blockMomentIds(blk);
        }
        return VerifiedBound.of(rel.sdpProblem(), sol, b.bounds(), degrees, momentIds, rel.objectiveScale(),
                rel.objectiveConstant(), numeric);
    }

    /** One solved relaxation: its record and what the sparsity made of it. */
    public record Step(OrderRecord record, SparseOrderInfo info) {
    }

    /** Solves and analyses one relaxation of the (already bounded) problem. */
    public Step solveStep(Pop pop, SparseMomentRelaxation rel, double buildSeconds) {
        int k = rel.order();
        long t1 = System.nanoTime();
        SdpSolution sol = solver.solve(rel.sdpProblem(),
                MomentSosSolver.withDefaultTolerance(options.sdpOptions(), HierarchyOptions.DEFAULT_SDP_TOLERANCE));
        long t2 = System.nanoTime();
        double solve = (t2 - t1) * 1e-9;
        List<int[]> cliqueRanks = new ArrayList<>();
        int p = rel.correlativeSparsity().cliques().size();
        int[] flatOrders = new int[0];
        if (!sol.status().hasSolution() || sol.y().length != rel.numMoments() - 1) {
            OrderRecord rec = OrderRecord.unsolved(k, sol.status(), rel.largestBlock(), rel.numMoments(), buildSeconds,
                    solve, sol.message());
            return new Step(rec, info(pop, rel, cliqueRanks, flatOrders));
        }
        double bound = rel.bound(sol);
        double dualBound = rel.dualBound(sol);
        double[] w = rel.moments(sol);
        boolean accurate = sol.status().isOptimal() || Math.abs(bound - dualBound)
                <= options.objectiveTolerance() * Math.max(1, Math.abs(bound));
        List<CandidatePoint> candidates = new ArrayList<>();
        String extraction;
        boolean certified = false;
        int flatOrder = -1;
        int flatRank = 0;
        List<double[]> points = List.of();
        boolean partialMatrices = rel.options().sparsity().term() || rel.newtonReduced();
        if (!partialMatrices) {
            flatOrders = new int[p];
            List<List<double[]>> atoms = new ArrayList<>();
            boolean allFlat = true;
            String failure = "";
            for (int c = 0; c < p; c++) {
                int[] vars = rel.correlativeSparsity().cliques().get(c);
                MonomialBasis local = new MonomialBasis(vars.length, 2 * k);
                double[] wl = rel.cliqueMoments(c, w, local);
                int[] ranks = new int[k];
                for (int t = 1; t <= k; t++) {
                    ranks[t - 1] = RankDecision.of(t, MomentRelaxation.momentMatrix(local, wl, t), options.rankStrategy())
                            .rank();
                }
                cliqueRanks.add(ranks);
                int dl = cliqueConstraintHalfDegree(pop, rel.correlativeSparsity(), c);
                flatOrders[c] = -1;
                for (int t = Math.max(pop.halfDegreeObjective(), dl); t <= k; t++) {
                    int rlow = t - dl == 0 ? 1 : ranks[t - dl - 1];
                    if (ranks[t - 1] == rlow && rlow >= 1) {
                        flatOrders[c] = t;
                        break;
                    }
                }
                if (flatOrders[c] < 0) {
                    allFlat = false;
                    continue;
                }
                int r = ranks[flatOrders[c] - 1];
                flatOrder = Math.max(flatOrder, flatOrders[c]);
                flatRank = Math.max(flatRank, r);
                if (allFlat) {
                    AtomExtraction.Result ex = AtomExtraction.extract(local, wl, flatOrders[c], r,
                            options.pivotTolerance(), options.seed());
                    if (!ex.found() && failure.isEmpty()) {
                        failure = "clique " + c + ": " + ex.message();
                    }
                    atoms.add(ex.points());
                    if (Boolean.getBoolean("polysos.debugAtoms")) {
                        System.err.println("clique " + java.util.Arrays.toString(vars) + " rank " + r + ": "
                                + ex.points().stream().map(java.util.Arrays::toString).toList());
                    }
                }
            }
            if (!allFlat) {
                int notFlat = 0;
                for (int f : flatOrders) {
                    notFlat += f < 0 ? 1 : 0;
                }
                extraction = notFlat + " of " + p + " clique moment matrices not flat";
                flatOrder = -1;
                flatRank = 0;
            } else if (!failure.isEmpty()) {
                extraction = "extraction failed in " + failure;
            } else {
                points = CliqueAssembly.assemble(pop.numVariables(), rel.correlativeSparsity().cliques(), atoms,
                        CliqueAssembly.DEFAULT_MAX_POINTS, CliqueAssembly.DEFAULT_AGREEMENT_TOLERANCE);
                if (points.isEmpty()) {
                    points = CliqueAssembly.assemble(pop.numVariables(), rel.correlativeSparsity().cliques(), atoms, 1,
                            Double.POSITIVE_INFINITY);
                    extraction = "every clique flat (max rank " + flatRank + "), but the atoms of the cliques disagree "
                            + "on shared variables; the closest atoms taken";
                } else {
                    extraction = "every clique flat (max rank " + flatRank + "); " + points.size() + " point(s) assembled"
                            + (points.size() >= CliqueAssembly.DEFAULT_MAX_POINTS ? " (search stopped there)" : "");
                }
            }
        } else if (!rel.options().sparsity().term()) {
            extraction = "Newton-polytope basis: no flatness test; the first-order moments are a candidate";
            points = List.of(firstOrderMoments(rel, w, pop.numVariables()));
        } else {
            extraction = "term sparsity: no flatness test; the first-order moments are a candidate";
            points = List.of(firstOrderMoments(rel, w, pop.numVariables()));
        }
        LocalPolish polish = null;
        int polished = 0;
        for (double[] z : points) {
            CandidatePoint c = CandidatePoint.check(pop, z, bound, options.feasibilityTolerance(),
                    options.objectiveTolerance());
            candidates.add(c);
            // flat: polish a point that fails the check; partial matrices: every point, since only the
            // gap to the verified bound can certify and the polished point may close it
            boolean tryPolish = partialMatrices || (!c.isGlobalMinimizer() && accurate);
            if (tryPolish && pop.numVariables() <= MAX_POLISH_VARIABLES) {
                polish = polish == null ? new LocalPolish(pop.objective()) : polish;
                CandidatePoint p2 = CandidatePoint.check(pop, polish.polish(z), bound, options.feasibilityTolerance(),
                        options.objectiveTolerance());
                boolean better = partialMatrices ? p2.exactlyFeasible() && !(p2.objective() >= c.objective()
                        && c.exactlyFeasible()) : p2.isGlobalMinimizer();
                if (better) {
                    candidates.add(p2);
                    polished++;
                }
            }
        }
        if (points.isEmpty()) {
            candidates.add(CandidatePoint.check(pop, firstOrderMoments(rel, w, pop.numVariables()), bound,
                    options.feasibilityTolerance(), options.objectiveTolerance()));
        }
        long good = candidates.stream().filter(CandidatePoint::isGlobalMinimizer).count();
        // flat truncation certifies here; without a flatness test only the verdict's gap rule can
        certified = !partialMatrices && flatOrder >= 0 && accurate && good > 0;
        if (partialMatrices) {
            extraction += polished > 0 ? "; polished by damped Newton steps on f" : "";
        } else if (!accurate) {
            extraction += "; the SDP solution is inaccurate (moment and SOS bounds differ)";
        } else if (!points.isEmpty()) {
            extraction += "; " + good + " feasible and attaining the bound"
                    + (polished > 0 ? " (" + polished + " after damped Newton steps on f)" : "");
        }
        long t3 = System.nanoTime();
        VerifiedBound vb = verifiedBound(rel, sol);
        OrderRecord.Bounds bounds = new OrderRecord.Bounds(vb.value(), vb.numeric(), bound, vb.rigorous(),
                vb.eigenvalueTerm(), vb.residualTerm(), vb.note(), Double.NaN, Double.NaN);
        OrderRecord rec = new OrderRecord(k, sol.status(), bounds, rel.largestBlock(), rel.numMoments(),
                new OrderRecord.Flatness(List.of(), flatOrder, flatRank, extraction), List.copyOf(candidates), certified,
                firstOrderMoments(rel, w, pop.numVariables()), new OrderRecord.Timings(buildSeconds, solve,
                (t3 - t2) * 1e-9), sol.message());
        return new Step(rec, info(pop, rel, cliqueRanks, flatOrders));
    }

    private static double[] firstOrderMoments(SparseMomentRelaxation rel, double[] w, int n) {
        double[] z = new double[n];
        for (int v = 0; v < n; v++) {
            int id = rel.momentId(MonomialKey.variable(v));
            z[v] = id < 0 ? 0 : w[id];
        }
        return z;
    }

    /** @return d_l = max(1, ceil(deg / 2) over the constraints assigned to clique c) */
    static int cliqueConstraintHalfDegree(Pop pop, CorrelativeSparsity cs, int c) {
        int d = 1;
        for (int j = 0; j < pop.inequalities().size(); j++) {
            if (cs.inequalityClique(j) == c) {
                d = Math.max(d, Pop.ceilHalf(pop.inequalities().get(j).degree()));
            }
        }
        for (int l = 0; l < pop.equalities().size(); l++) {
            if (cs.equalityClique(l) == c) {
                d = Math.max(d, Pop.ceilHalf(pop.equalities().get(l).degree()));
            }
        }
        return d;
    }

    private static SparseOrderInfo info(Pop pop, SparseMomentRelaxation rel, List<int[]> cliqueRanks, int[] flatOrders) {
        int n = pop.numVariables();
        int k = rel.order();
        long denseM;
        long denseVars;
        try {
            denseM = Monomials.count(n, k);
            denseVars = Monomials.count(n, 2 * k) - 1;
        } catch (IllegalArgumentException e) {
            denseM = -1;
            denseVars = -1;
        }
        int[] blocks = rel.blocks().stream().mapToInt(SparseMomentRelaxation.Block::size).toArray();
        return new SparseOrderInfo(k, rel.tsStep(), rel.options().sparsity(), rel.correlativeSparsity().cliqueSizes(),
                blocks, rel.equalityRows(), rel.numMoments() - 1, denseM, denseVars, List.copyOf(cliqueRanks),
                flatOrders);
    }

}
