package io.polysos.moment;

import io.polysos.poly.Monomials;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Moment-SOS hierarchy driver: solves the relaxations of orders k = k0, k0+1, ... up to
 * the configured maximum, stopping at the first order where flat truncation holds
 * (rank M_{t-d_K} = rank M_t for some t in [max(d_f, d_K), k]) and every extracted point is
 * feasible and attains the bound. Gets its SDP solver from the caller; never names a
 * backend.
 */
public final class MomentSosSolver {

    private final SdpSolver solver;
    private final HierarchyOptions options;

    /** @param solver the SDP solver; options default to {@link HierarchyOptions#DEFAULTS} */
    public MomentSosSolver(SdpSolver solver) {
        this(solver, HierarchyOptions.DEFAULTS);
    }

    public MomentSosSolver(SdpSolver solver, HierarchyOptions options) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return a driver using the registry's default solver */
    public static MomentSosSolver withDefaultSolver(HierarchyOptions options) {
        return new MomentSosSolver(SdpSolvers.discover().getDefault(), options);
    }

    public HierarchyOptions options() {
        return options;
    }

    /** @return the problem actually relaxed: pop with the configured bounding constraints */
    public Pop bounded(Pop pop) {
        Pop p = pop;
        if (options.ballRadius() > 0) {
            p = p.withBall(options.ballRadius());
        }
        if (options.boxBound() > 0) {
            p = p.withBox(options.boxBound());
        }
        return p;
    }

    /** Runs the hierarchy. */
    public PopResult solve(Pop original) {
        Pop pop = bounded(original);
        int k0 = pop.minimumOrder();
        int kmin = options.minOrder() == 0 ? k0 : options.minOrder();
        if (kmin < k0) {
            throw new IllegalArgumentException("minimum order " + kmin + " is below k0 = " + k0);
        }
        int kmax = options.maxOrder() == 0 ? Math.max(kmin, k0 + HierarchyOptions.DEFAULT_EXTRA_ORDERS) : options.maxOrder();
        List<OrderRecord> records = new ArrayList<>();
        OrderRecord last = null;
        for (int k = kmin; k <= kmax; k++) {
            long size = Monomials.count(pop.numVariables(), k);
            if (size > options.maxMomentMatrixSize()) {
                break;
            }
            OrderRecord rec = solveOrder(pop, k);
            records.add(rec);
            options.progress().accept(rec);
            if (rec.sdpStatus().hasSolution()) {
                last = rec;
            }
            if (rec.certified()) {
                break;
            }
            if (rec.sdpStatus().isInfeasibleOrUnbounded()) {
                break;
            }
        }
        return verdict(pop, records, last);
    }

    /**
     * The verdict over the solved orders (also used by the sparse hierarchies).
     *
     * @param pop the relaxed (bounded) problem
     * @param records every order's record, in order
     * @param last the last record with a solution, or null
     */
    public PopResult verdict(Pop pop, List<OrderRecord> records, OrderRecord last) {
        if (records.isEmpty()) {
            return new PopResult(PopStatus.FAILED, Double.NaN, -1, List.of(), List.of(), Double.NaN, Double.NaN, false,
                    List.of(), "no order was solved: the moment matrix of the first order ("
                    + Monomials.count(pop.numVariables(), Math.max(options.minOrder(), pop.minimumOrder()))
                    + " rows for " + pop.numVariables() + " variables at order "
                    + Math.max(options.minOrder(), pop.minimumOrder()) + ") exceeds maxMomentMatrixSize "
                    + options.maxMomentMatrixSize() + " (raise it in HierarchyOptions if the memory allows)");
        }
        OrderRecord fin = records.get(records.size() - 1);
        if (fin.certified()) {
            List<CandidatePoint> mins = fin.minimizers();
            boolean active = mins.stream().anyMatch(CandidatePoint::activeBounding);
            String msg = "global optimum certified at order " + fin.order() + " (flat at t=" + fin.flatOrder() + ", "
                    + mins.size() + " minimizer" + (mins.size() == 1 ? "" : "s") + ")"
                    + (active ? "; a bounding constraint is active: the certificate holds only inside the bound" : "");
            return new PopResult(PopStatus.CERTIFIED, fin.bound(), fin.order(), mins, fin.candidates(),
                    mins.stream().mapToDouble(CandidatePoint::objective).min().orElse(Double.NaN), 0.0, active,
                    List.copyOf(records), msg);
        }
        if (last == null) {
            SdpStatus st = fin.sdpStatus();
            String why = st == SdpStatus.INFEASIBLE ? "the relaxation is infeasible, so the problem is infeasible"
                    : st == SdpStatus.UNBOUNDED ? "the relaxation is unbounded below (add a bounding ball?)"
                    : "the SDP solver returned " + st;
            return new PopResult(PopStatus.FAILED, Double.NaN, -1, List.of(), List.of(), Double.NaN, Double.NaN, false,
                    List.copyOf(records), "no bound: " + why);
        }
        // an inaccurate solve's moment objective may overshoot the optimum; min(moment, SOS) is the safe bound
        double bound = Double.NEGATIVE_INFINITY;
        double best = Double.NaN;
        boolean active = false;
        List<CandidatePoint> candidates = new ArrayList<>();
        for (OrderRecord r : records) {
            if (!r.sdpStatus().hasSolution()) {
                continue;
            }
            bound = Math.max(bound, r.sdpStatus().isOptimal() ? r.bound() : Math.min(r.bound(), r.dualBound()));
            for (CandidatePoint c : r.candidates()) {
                candidates.add(c);
                if (c.feasible() && !(c.objective() >= best)) {
                    best = c.objective();
                    active = c.activeBounding();
                }
            }
        }
        double gap = Double.isNaN(best) ? Double.NaN : best - bound;
        String msg = "not certified up to order " + fin.order() + "; lower bound " + bound
                + (Double.isNaN(best) ? ", no feasible candidate" : ", best feasible candidate " + best + " (gap " + gap + ")");
        return new PopResult(PopStatus.BOUND_ONLY, bound, last.order(), List.of(), List.copyOf(candidates), best, gap, active,
                List.copyOf(records), msg);
    }

    /** Builds, solves and analyses one order k of the (already bounded) problem. */
    public OrderRecord solveOrder(Pop pop, int k) {
        long t0 = System.nanoTime();
        MomentRelaxation rel = MomentRelaxation.build(pop, k);
        long t1 = System.nanoTime();
        SdpSolution sol = solver.solve(rel.sdpProblem(), sdpOptionsFor(options.sdpOptions()));
        long t2 = System.nanoTime();
        double build = (t1 - t0) * 1e-9;
        double solve = (t2 - t1) * 1e-9;
        if (!sol.status().hasSolution() || sol.y().length != rel.numMoments() - 1) {
            return new OrderRecord(k, sol.status(), Double.NaN, Double.NaN, rel.momentMatrixSize(), rel.numMoments(),
                    List.of(), -1, 0, "", List.of(), false, Double.NaN, Double.NaN, build, solve, 0.0, sol.message());
        }
        double bound = rel.bound(sol);
        double dualBound = rel.dualBound(sol);
        double[] w = rel.moments(sol);
        List<RankDecision> ranks = new ArrayList<>();
        for (int t = 1; t <= k; t++) {
            ranks.add(RankDecision.of(t, rel.momentMatrix(w, t), options.rankStrategy()));
        }
        int dK = pop.halfDegreeConstraints();
        int tMin = Math.max(pop.halfDegreeObjective(), dK);
        int flat = -1;
        int flatRank = 0;
        for (int t = tMin; t <= k; t++) {
            int rt = ranks.get(t - 1).rank();
            int rlow = t - dK == 0 ? 1 : ranks.get(t - dK - 1).rank();
            if (rt == rlow && rt >= 1) {
                flat = t;
                flatRank = rt;
                break;
            }
        }
        List<CandidatePoint> candidates = new ArrayList<>();
        String extraction = "";
        boolean certified = false;
        if (flat >= 0) {
            AtomExtraction.Result ex = AtomExtraction.extract(rel.basis(), w, flat, flatRank, options.pivotTolerance(),
                    options.seed());
            extraction = ex.message();
            for (double[] z : ex.points()) {
                candidates.add(CandidatePoint.check(pop, z, bound, options.feasibilityTolerance(),
                        options.objectiveTolerance()));
            }
            // an inaccurate solve still certifies when its moment and SOS bounds agree
            boolean accurate = sol.status().isOptimal() || Math.abs(bound - dualBound)
                    <= options.objectiveTolerance() * Math.max(1, Math.abs(bound));
            certified = ex.found() && accurate
                    && candidates.stream().allMatch(CandidatePoint::isGlobalMinimizer);
            if (ex.found() && !certified) {
                extraction += accurate ? "; some extracted points fail the check"
                        : "; the SDP solution is inaccurate (moment and SOS bounds differ)";
            }
        } else {
            double[] z = new double[pop.numVariables()];
            System.arraycopy(w, 1, z, 0, z.length);
            candidates.add(CandidatePoint.check(pop, z, bound, options.feasibilityTolerance(),
                    options.objectiveTolerance()));
        }
        double residual = Double.NaN;
        double minGram = Double.NaN;
        if (options.computeCertificate() && sol.dualBlocks().length == rel.sdpProblem().numBlocks()) {
            SosCertificate cert = SosCertificate.of(rel, sol);
            residual = cert.residual();
            minGram = cert.minGramEigenvalue();
        }
        long t3 = System.nanoTime();
        return new OrderRecord(k, sol.status(), bound, dualBound, rel.momentMatrixSize(), rel.numMoments(),
                List.copyOf(ranks), flat, flatRank, extraction, List.copyOf(candidates), certified, residual, minGram,
                build, solve, (t3 - t2) * 1e-9, sol.message());
    }

    /** The SDP options of each solve: the caller's, with {@link HierarchyOptions#DEFAULT_SDP_TOLERANCE} where unset. */
    static SdpOptions sdpOptionsFor(SdpOptions o) {
        return withDefaultTolerance(o, HierarchyOptions.DEFAULT_SDP_TOLERANCE);
    }

    /**
     * The given SDP options with {@code tolerance} as relative gap and feasibility tolerance
     * wherever the caller left them unset: rank decisions and extraction need accurate moments
     * whatever the backend's own default (first-order backends stop far earlier by default).
     */
    public static SdpOptions withDefaultTolerance(SdpOptions o, double tolerance) {
        if (o.relativeGapTolerance().isPresent() && o.feasibilityTolerance().isPresent()) {
            return o;
        }
        SdpOptions.Builder b = o.toBuilder();
        if (o.relativeGapTolerance().isEmpty()) {
            b.relativeGapTolerance(tolerance);
        }
        if (o.feasibilityTolerance().isEmpty()) {
            b.feasibilityTolerance(tolerance);
        }
        return b.build();
    }
}
