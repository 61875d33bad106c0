package io.polysos.nn;

import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.RankStrategy;
import io.polysos.moment.sparse.SparsityOptions;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolver;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of {@link PolynomialLearner#learn}. Immutable; built with {@link #builder()}.
 *
 * <p>The relaxations are configured by a {@link HierarchyOptions} (orders, ball, tolerances,
 * rank strategy, SDP options, memory budget), with learner defaults: the ball of radius
 * {@value #DEFAULT_BALL_RADIUS}, orders k0 to {@value #DEFAULT_MAX_ORDER}, extracted points checked
 * to {@value #DEFAULT_TOLERANCE}. The builder's {@code order}, {@code maxOrder}, {@code ballRadius},
 * {@code tolerance}, ... set the corresponding hierarchy options.
 *
 * @param loss       the loss (default {@link Loss#PAPER})
 * @param hierarchy  the hierarchy's options: a fixed order k is minOrder = maxOrder = k (like the
 *                   paper's k = 3), else the hierarchy runs from k0 up to maxOrder until certified;
 *                   orders below k0 are raised to k0 ({@link HierarchyOptions#orders(int)});
 *                   {@code objectiveTolerance} is also the tolerance of the check of extracted
 *                   points against the numeric loss; SDP tolerances left unset become
 *                   {@link #DEFAULT_SDP_TOLERANCE}; its {@code progress} is called with each
 *                   order's record
 * @param solver     the SDP solver, or null for {@code solverName} / the registry default
 * @param solverName a backend name, or null
 * @param refine     whether to refine the returned point locally on the true loss
 * @param progress   receives one line per step (never null)
 * @param sparsity   the sparsity of the relaxations (default {@link SparsityOptions#NONE}, the
 *                   dense hierarchy)
 */
public record LearnOptions(Loss loss, HierarchyOptions hierarchy, SdpSolver solver, String solverName,
                           boolean refine, Consumer<String> progress, SparsityOptions sparsity) {

    /** Default ball radius: R = 10, the constraint 100 - |z|^2 &gt;= 0 of the reference values. */
    public static final double DEFAULT_BALL_RADIUS = 10.0;
    /**
     * Default tolerance of the check of extracted points: feasibility g(z) &gt;= -tol, objective
     * |f(z) - bound| &lt;= tol max(1, |bound|), numeric loss L(c) - bound &lt;= tol max(1, |bound|).
     * Tighter than {@link HierarchyOptions#DEFAULT_OBJECTIVE_TOLERANCE} because training losses
     * are small (1e-3 on the noisy paper instances).
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default last order of the hierarchy. */
    public static final int DEFAULT_MAX_ORDER = 3;
    /**
     * Relative gap and feasibility tolerance asked of the SDP backend when the SDP options
     * leave them unset (see {@link PolynomialLearner#sdpOptions}).
     */
    public static final double DEFAULT_SDP_TOLERANCE = 1e-10;
    /** The hierarchy options of the learner's defaults. */
    public static final HierarchyOptions DEFAULT_HIERARCHY = HierarchyOptions.builder().maxOrder(DEFAULT_MAX_ORDER)
            .ballRadius(DEFAULT_BALL_RADIUS).feasibilityTolerance(DEFAULT_TOLERANCE).objectiveTolerance(DEFAULT_TOLERANCE)
            .build();
    /** The default options. */
    public static final LearnOptions DEFAULTS = builder().build();

    public LearnOptions {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(sparsity, "sparsity");
        if (!(hierarchy.objectiveTolerance() < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + hierarchy.objectiveTolerance());
        }
    }

    /** @return the fixed order (minOrder = maxOrder &gt; 0), or 0 when the hierarchy runs up to {@link #maxOrder()} */
    public int order() {
        return hierarchy.minOrder() > 0 && hierarchy.minOrder() == hierarchy.maxOrder() ? hierarchy.minOrder() : 0;
    }

    /** @return the last order of the hierarchy (0: k0 + {@link HierarchyOptions#DEFAULT_EXTRA_ORDERS}) */
    public int maxOrder() {
        return hierarchy.maxOrder();
    }

    /** @return the radius of the redundant ball (0 for none) */
    public double ballRadius() {
        return hierarchy.ballRadius();
    }

    /** @return the tolerance of the check of extracted points (the hierarchy's objective tolerance) */
    public double tolerance() {
        return hierarchy.objectiveTolerance();
    }

    /** @return the relative tolerance of the certification by gap */
    public double gapTolerance() {
        return hierarchy.gapTolerance();
    }

    /** @return the caller's SDP options (before {@link #DEFAULT_SDP_TOLERANCE} fills unset tolerances) */
    public SdpOptions sdpOptions() {
        return hierarchy.sdpOptions();
    }

    public RankStrategy rankStrategy() {
        return hierarchy.rankStrategy();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().loss(loss).hierarchy(hierarchy).solver(solver).solverName(solverName).refine(refine)
                .progress(progress).sparsity(sparsity);
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private Loss loss = Loss.PAPER;
        private HierarchyOptions.Builder hierarchy = DEFAULT_HIERARCHY.toBuilder();
        private SdpSolver solver;
        private String solverName;
        private boolean refine = true;
        private Consumer<String> progress = s -> { };
        private SparsityOptions sparsity = SparsityOptions.NONE;

        /** Every hierarchy option at once (replaces what the other setters set so far). */
        public Builder hierarchy(HierarchyOptions h) {
            this.hierarchy = h.toBuilder();
            return this;
        }

        /** Relative tolerance of the certification by gap. */
        public Builder gapTolerance(double t) {
            hierarchy.gapTolerance(t);
            return this;
        }

        /** The sparsity of the relaxations (default none: the dense hierarchy). */
        public Builder sparsity(SparsityOptions s) {
            this.sparsity = s;
            return this;
        }

        public Builder loss(Loss l) {
            this.loss = l;
            return this;
        }

        /** A fixed order k &gt;= 1; 0 runs the hierarchy from k0 up to the maximum order. */
        public Builder order(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("order must be >= 1, or 0 for the hierarchy; got " + k);
            }
            HierarchyOptions h = hierarchy.build();
            if (k > 0) {
                hierarchy.order(k);
            } else if (h.minOrder() > 0 && h.minOrder() == h.maxOrder()) {
                hierarchy.minOrder(0).maxOrder(DEFAULT_MAX_ORDER);
            }
            return this;
        }

        /** Runs the hierarchy from k0 up to order k. */
        public Builder maxOrder(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("maxOrder must be >= 1, got " + k);
            }
            hierarchy.minOrder(0).maxOrder(k);
            return this;
        }

        public Builder ballRadius(double r) {
            hierarchy.ballRadius(r);
            return this;
        }

        public Builder solver(SdpSolver s) {
            this.solver = s;
            return this;
        }

        public Builder solverName(String name) {
            this.solverName = name;
            return this;
        }

        public Builder sdpOptions(SdpOptions o) {
            hierarchy.sdpOptions(o);
            return this;
        }

        public Builder refine(boolean r) {
            this.refine = r;
            return this;
        }

        public Builder rankStrategy(RankStrategy s) {
            hierarchy.rankStrategy(s);
            return this;
        }

        /** Feasibility and objective tolerance of the check of extracted points (hierarchy and numeric loss). */
        public Builder tolerance(double t) {
            hierarchy.feasibilityTolerance(t).objectiveTolerance(t);
            return this;
        }

        /** The memory budget of one relaxation in bytes (0: the heap available; see {@link HierarchyOptions#maxMemoryBytes()}). */
        public Builder maxMemoryBytes(long bytes) {
            hierarchy.maxMemoryBytes(bytes);
            return this;
        }

        public Builder progress(Consumer<String> p) {
            this.progress = p;
            return this;
        }

        public LearnOptions build() {
            return new LearnOptions(loss, hierarchy.build(), solver, solverName, refine, progress, sparsity);
        }
    }
}
