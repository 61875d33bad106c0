package io.polysos.moment;

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
 * feasible and attains the bound; the verdict also certifies by the gap to a verified bound
 * ({@link #closesGap}). Gets its SDP solver from the caller; never names a backend.
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
        HierarchyOptions.Orders orders = options.orders(pop.minimumOrder());
        int kmin = orders.first();
        int kmax = orders.last();
        List<OrderRecord> records = new ArrayList<>();
        OrderRecord last = null;
        String note = "";
        for (int k = kmin; k <= kmax; k++) {
            String refusal = MemoryBudget.check(solver, options.maxMemoryBytes(), k, j -> MomentRelaxation.shape(pop, j),
                    pop.minimumOrder());
            if (refusal != null) {
                if (records.isEmpty()) {
                    throw new IllegalArgumentException(refusal);
                }
                note = "orders above " + (k - 1) + " were not run: " + refusal;
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
        return verdict(pop, records, last).withNote(note);
    }

    /**
     * The verdict over the solved orders (also used by the sparse hierarchies).
     *
     * @param pop the relaxed (bounded) problem
     * @param records every order's record, in order
     * @param last the last record with a solution, or null
     */
    public PopResult verdict(Pop pop, List<OrderRecord> records, OrderRecord last) {
        return verdict(pop, records, last, true);
    }

    /**
     * The verdict over the solved orders, saying whether flat truncation was tested.
     *
     * <p>Two proofs certify. Flat truncation (only when {@code flatnessTested}): the last record
     * is {@link OrderRecord#certified()}. The gap ({@link #closesGap}): some candidate of any
     * record is exactly feasible and its objective is within the gap tolerance of the bound,
     * which must be verified at every solved order. When flatness was not tested (term sparsity,
     * a Newton-polytope basis: the moment matrices are only known in part) the gap is the only
     * proof, and a point attaining a numeric-only bound is a candidate, not a certificate.
     *
     * @param pop the relaxed (bounded) problem
     * @param records every order's record, in order
     * @param last the last record with a solution, or null
     * @param flatnessTested whether the records' moment matrices were tested for flat truncation
     */
    public PopResult verdict(Pop pop, List<OrderRecord> records, OrderRecord last, boolean flatnessTested) {
        if (records.isEmpty()) {
            return failed(List.of(), "no order was solved");
        }
        OrderRecord fin = records.get(records.size() - 1);
        if (last == null) {
            return noSolution(pop, records, fin);
        }
        // the bound: the largest verified bound over the orders, else the largest numeric one (for an
        // inaccurate solve min(moment, SOS side): its moment objective may overshoot the optimum)
        double verified = Double.NEGATIVE_INFINITY;
        double numeric = Double.NEGATIVE_INFINITY;
        boolean allVerified = true;
        for (OrderRecord r : records) {
            if (!r.sdpStatus().hasSolution()) {
                continue;
            }
            OrderRecord.Bounds b = r.bounds();
            double nb = r.sdpStatus().isOptimal() ? b.lowerBoundNumeric()
                    : Math.min(b.lowerBoundNumeric(), b.momentObjective());
            numeric = Math.max(numeric, nb);
            if (b.verified()) {
                verified = Math.max(verified, b.lowerBound());
            } else {
                allVerified = false;
            }
        }
        boolean isVerified = allVerified && verified > Double.NEGATIVE_INFINITY;
        double bound = isVerified ? verified : numeric;
        boolean flat = flatnessTested && fin.certified();
        List<CandidatePoint> candidates = new ArrayList<>();
        if (flat) {
            candidates.addAll(fin.candidates());
        } else {
            for (OrderRecord r : records) {
                candidates.addAll(r.candidates());
            }
        }
        double best = Double.NaN;
        CandidatePoint bestPoint = null;
        for (CandidatePoint c : candidates) {
            if (c.feasible() && !(c.objective() >= best)) {
                best = c.objective();
                bestPoint = c;
            }
        }
        // certification by gap needs an exactly feasible point (every g_j(z) >= 0, h_l(z) = 0 in double)
        CandidatePoint gapPoint = null;
        for (CandidatePoint c : candidates) {
            if (c.exactlyFeasible() && (gapPoint == null || c.objective() < gapPoint.objective())) {
                gapPoint = c;
            }
        }
        boolean byGap = isVerified && gapPoint != null && closesGap(gapPoint, bound, options.gapTolerance());
        Certificate cert = Certificate.of(flat, byGap);
        double gap = Double.isNaN(best) ? Double.NaN : best - bound;
        if (cert.certifies()) {
            List<CandidatePoint> mins = flat ? fin.minimizers() : List.of(gapPoint);
            boolean active = mins.stream().anyMatch(CandidatePoint::activeBounding);
            int order = flat ? fin.order() : last.order();
            String msg = certifiedMessage(cert, order, flat ? fin.flatOrder() : -1, mins.size(), bound, isVerified,
                    best, gap, active);
            return new PopResult(PopStatus.CERTIFIED, bound, numeric, isVerified, cert, order, mins,
                    List.copyOf(candidates), best, gap, active, List.copyOf(records), msg);
        }
        boolean active = bestPoint != null && bestPoint.activeBounding();
        String msg = "not certified up to order " + fin.order()
                + (flatnessTested ? "" : " (no flatness test: only the gap to a verified bound certifies)")
                + "; lower bound " + fmt(bound)
                + (isVerified ? " (verified)" : " (" + numericOnlyReason(records) + ")")
                + (Double.isNaN(best) ? ", no feasible candidate"
                        : ", best feasible candidate " + fmt(best) + " (gap " + fmt(gap) + ")");
        return new PopResult(PopStatus.BOUND_ONLY, bound, numeric, isVerified, Certificate.NONE, last.order(),
                List.of(), List.copyOf(candidates), best, gap, active, List.copyOf(records), msg);
    }

    /**
     * The certification by gap, one rule for the dense and the sparse hierarchies: z is exactly
     * feasible (every g_j(z) &gt;= 0 and h_l(z) = 0 as evaluated in double) and f(z) -
     * verifiedBound &lt;= gapTolerance (1 + |f(z)|). With verifiedBound &lt;= min f this proves z
     * optimal to that tolerance. The caller must make sure that the bound is verified.
     */
    public static boolean closesGap(CandidatePoint z, double verifiedBound, double gapTolerance) {
        return z.exactlyFeasible() && Double.isFinite(verifiedBound)
                && z.objective() - verifiedBound <= gapTolerance * (1 + Math.abs(z.objective()));
    }

    private static String certifiedMessage(Certificate cert, int order, int flatOrder, int count, double bound,
            boolean verified, double best, double gap, boolean active) {
        String how = switch (cert) {
            case FLAT_TRUNCATION -> "flat at t=" + flatOrder;
            case GAP -> "gap " + fmt(gap) + " between a feasible point and the verified bound";
            case BOTH -> "flat at t=" + flatOrder + ", and gap " + fmt(gap) + " to the verified bound";
            case NONE -> throw new IllegalStateException("not certified");
        };
        return "global optimum certified at order " + order + " (" + how + "; " + count + " minimizer"
                + (count == 1 ? "" : "s") + "); lower bound " + fmt(bound) + (verified ? " (verified)" : " (numeric)")
                + (Double.isNaN(best) ? "" : ", best feasible objective " + fmt(best))
                + (active ? "; a bounding constraint is active: the certificate holds only inside the bound" : "");
    }

    private static String numericOnlyReason(List<OrderRecord> records) {
        for (OrderRecord r : records) {
            if (r.sdpStatus().hasSolution() && !r.bounds().verified()) {
                return r.bounds().note();
            }
        }
        return "numeric only";
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.10g", v);
    }

    private static PopResult failed(List<OrderRecord> records, String msg) {
        return new PopResult(PopStatus.FAILED, Double.NaN, Double.NaN, false, Certificate.NONE, -1, List.of(),
                List.of(), Double.NaN, Double.NaN, false, List.copyOf(records), msg);
    }

    /**
     * No order has a solution: unboundedness is claimed only with a ray of the POP
     * ({@link UnboundedRay}), infeasibility when the SDP solver proved the relaxation infeasible;
     * anything else is reported as the solver's failure.
     */
    private PopResult noSolution(Pop pop, List<OrderRecord> records, OrderRecord fin) {
        SdpStatus st = fin.sdpStatus();
        if (st == SdpStatus.INFEASIBLE) {
            return failed(records, "no bound: the relaxation is infeasible, so the problem is infeasible");
        }
        List<double[]> hints = new ArrayList<>();
        for (OrderRecord r : records) {
            if (r.firstMoments().length == pop.numVariables()) {
                hints.add(r.firstMoments());
            }
        }
        java.util.Optional<UnboundedRay> ray = UnboundedRay.find(pop, hints);
        if (ray.isPresent()) {
            UnboundedRay u = ray.get();
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < u.direction().length; i++) {
                d.append(i == 0 ? "" : ", ").append(pop.variableNames().get(i)).append(" = ")
                        .append(fmt(u.direction()[i])).append(" t");
            }
            return new PopResult(PopStatus.UNBOUNDED, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, true,
                    Certificate.NONE, fin.order(), List.of(), List.of(), Double.NEGATIVE_INFINITY, Double.NaN, false,
                    List.copyOf(records), "the problem is unbounded below: along (" + d + ") every constraint holds "
                    + "for large t and the objective is a polynomial in t of degree " + u.objectiveDegree()
                    + " with leading coefficient " + fmt(u.leadingCoefficient()) + " < 0");
        }
        String why = st == SdpStatus.UNBOUNDED
                ? "the SDP solver reported the relaxation unbounded, but no ray of the problem along which the "
                        + "objective decreases without bound was found, so unboundedness is not claimed "
                        + "(a bounding ball may help)"
                : "the SDP solver returned " + st + (fin.message().isEmpty() ? "" : " (" + fin.message() + ")");
        return failed(records, "no bound: " + why);
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
            OrderRecord u = OrderRecord.unsolved(k, sol.status(), rel.momentMatrixSize(), rel.numMoments(), build,
                    solve, sol.message());
            if (sol.y().length == rel.numMoments() - 1) {
                // keep the direction of a reported ray (or last iterate) as a hint for unboundedness
                double[] z = java.util.Arrays.copyOf(sol.y(), pop.numVariables());
                return new OrderRecord(k, sol.status(), u.bounds(), u.momentMatrixSize(), u.numMoments(),
                        u.flatness(), List.of(), false, z, u.timings(), u.message());
            }
            return u;
        }
        double bound = rel.bound(sol);
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
        double dualBound = rel.dualBound(sol);
        List<CandidatePoint> candidates = new ArrayList<>();
        String extraction = "";
        boolean certified = false;
        double[] z1 = new double[pop.numVariables()];
        System.arraycopy(w, 1, z1, 0, z1.length);
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
            candidates.add(CandidatePoint.check(pop, z1, bound, options.feasibilityTolerance(),
                    options.objectiveTolerance()));
        }
        double residual = Double.NaN;
        double minGram = Double.NaN;
        if (options.computeCertificate() && sol.dualBlocks().length == rel.sdpProblem().numBlocks()) {
            SosCertificate cert = SosCertificate.of(rel, sol);
            residual = cert.residual();
            minGram = cert.minGramEigenvalue();
        }
        VerifiedBound vb = VerifiedBound.of(rel, sol);
        OrderRecord.Bounds bounds = new OrderRecord.Bounds(vb.value(), vb.numeric(), bound, vb.rigorous(),
                vb.eigenvalueTerm(), vb.residualTerm(), vb.note(), residual, minGram);
        long t3 = System.nanoTime();
        return new OrderRecord(k, sol.status(), bounds, rel.momentMatrixSize(), rel.numMoments(),
                new OrderRecord.Flatness(List.copyOf(ranks), flat, flatRank, extraction), List.copyOf(candidates),
                certified, z1, new OrderRecord.Timings(build, solve, (t3 - t2) * 1e-9), sol.message());
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
