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
 * @param loss           the loss (default {@link Loss#PAPER})
 * @param order          a fixed relaxation order k (like the paper's k = 3), or 0 to run the
 *                       hierarchy from k0 up to {@code maxOrder} until certified
 * @param maxOrder       the last order of the hierarchy when {@code order} is 0
 * @param ballRadius     R of the redundant ball R^2 - |z|^2 &gt;= 0 over every POP variable
 *                       (default {@value #DEFAULT_BALL_RADIUS}, i.e. R^2 = 100), 0 for none
 * @param solver         the SDP solver, or null for {@code solverName} / the registry default
 * @param solverName     a backend name, or null
 * @param sdpOptions     options of each SDP solve
 * @param refine         whether to refine the returned point locally on the true loss
 * @param rankStrategy   decides the numerical ranks of the moment matrices (default
 *                       {@link RankStrategy#defaultStrategy()}, relative 1e-4)
 * @param tolerance      feasibility and objective tolerance of the check of extracted points,
 *                       both in the hierarchy and against the numeric loss (default
 *                       {@value #DEFAULT_TOLERANCE})
 * @param progress       receives one line per step (never null)
 * @param sparsity       the sparsity of the relaxations (default {@link SparsityOptions#NONE}, the
 *                       dense hierarchy)
 * @param gapTolerance   certification by gap: L(c) - verified lower bound &lt;= gapTolerance (1 + L(c))
 *                       (default {@link HierarchyOptions#DEFAULT_GAP_TOLERANCE})
 */
public record LearnOptions(Loss loss, int order, int maxOrder, double ballRadius, SdpSolver solver, String solverName,
                           SdpOptions sdpOptions, boolean refine, RankStrategy rankStrategy, double tolerance,
                           Consumer<String> progress, SparsityOptions sparsity, double gapTolerance) {

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
    /** The default options. */
    public static final LearnOptions DEFAULTS = builder().build();

    public LearnOptions {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(sdpOptions, "sdpOptions");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(sparsity, "sparsity");
        if (order < 0) {
            throw new IllegalArgumentException("order must be >= 1, or 0 for the hierarchy; got " + order);
        }
        if (maxOrder < 1) {
            throw new IllegalArgumentException("maxOrder must be >= 1, got " + maxOrder);
        }
        if (!(ballRadius >= 0) || Double.isInfinite(ballRadius)) {
            throw new IllegalArgumentException("ballRadius must be finite and >= 0 (0 = no ball), got " + ballRadius);
        }
        Objects.requireNonNull(rankStrategy, "rankStrategy");
        if (!(gapTolerance > 0) || Double.isInfinite(gapTolerance)) {
            throw new IllegalArgumentException("gapTolerance must be positive and finite, got " + gapTolerance);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.loss = loss;
        b.order = order;
        b.maxOrder = maxOrder;
        b.ballRadius = ballRadius;
        b.solver = solver;
        b.solverName = solverName;
        b.sdpOptions = sdpOptions;
        b.refine = refine;
        b.rankStrategy = rankStrategy;
        b.tolerance = tolerance;
        b.progress = progress;
        b.sparsity = sparsity;
        b.gapTolerance = gapTolerance;
        return b;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private Loss loss = Loss.PAPER;
        private int order;
        private int maxOrder = DEFAULT_MAX_ORDER;
        private double ballRadius = DEFAULT_BALL_RADIUS;
        private SdpSolver solver;
        private String solverName;
        private SdpOptions sdpOptions = SdpOptions.DEFAULTS;
        private boolean refine = true;
        private RankStrategy rankStrategy = RankStrategy.defaultStrategy();
        private double tolerance = DEFAULT_TOLERANCE;
        private Consumer<String> progress = s -> { };
        private double gapTolerance = HierarchyOptions.DEFAULT_GAP_TOLERANCE;
        private SparsityOptions sparsity = SparsityOptions.NONE;

        /** Relative tolerance of the certification by gap. */
        public Builder gapTolerance(double t) {
            this.gapTolerance = t;
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

        /** A fixed order k &gt;= 1 (0 = hierarchy). */
        public Builder order(int k) {
            this.order = k;
            return this;
        }

        /** Runs the hierarchy up to order k. */
        public Builder maxOrder(int k) {
            this.order = 0;
            this.maxOrder = k;
            return this;
        }

        public Builder ballRadius(double r) {
            this.ballRadius = r;
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
            this.sdpOptions = o;
            return this;
        }

        public Builder refine(boolean r) {
            this.refine = r;
            return this;
        }

        public Builder rankStrategy(RankStrategy s) {
            this.rankStrategy = s;
            return this;
        }

        public Builder tolerance(double t) {
            this.tolerance = t;
            return this;
        }

        public Builder progress(Consumer<String> p) {
            this.progress = p;
            return this;
        }

        public LearnOptions build() {
            return new LearnOptions(loss, order, maxOrder, ballRadius, solver, solverName, sdpOptions, refine,
                    rankStrategy, tolerance, progress, sparsity, gapTolerance);
        }
    }
}
