package io.polysos.moment;

import io.polysos.sdp.SdpOptions;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of the Moment-SOS hierarchy driver {@link MomentSosSolver}. Immutable; built with
 * {@link #builder()}; every value has a documented default.
 *
 * @param minOrder first order solved; 0 means k0 (the default); an order below k0 is raised to k0
 *        ({@link #orders(int)})
 * @param maxOrder last order solved; 0 means k0 + {@link #DEFAULT_EXTRA_ORDERS}; raised to the first
 *        order when below it
 * @param maxMemoryBytes the memory budget of one relaxation: an order whose memory estimate by the
 *        chosen backend ({@link io.polysos.sdp.SdpSolver#estimateBytes(io.polysos.sdp.SdpShape)}, from
 *        the relaxation's shape, before anything is built) exceeds it is not solved ({@link MemoryBudget});
 *        0 (the default) means the heap available when the order starts
 * @param rankStrategy decides numerical ranks ({@link RankStrategy#defaultStrategy()})
 * @param pivotTolerance relative pivot tolerance of the extraction's echelon form
 * @param feasibilityTolerance a point is feasible when g_j &gt;= -tol and |h_l| &lt;= tol
 * @param objectiveTolerance a point attains the bound when |f - bound| &lt;= tol * max(1, |bound|)
 * @param ballRadius when positive, the bounding constraint R^2 - |z|^2 &gt;= 0 is added
 * @param boxBound when positive, the bounding constraints B^2 - z_i^2 &gt;= 0 are added
 * @param seed seed of the extraction's random combination
 * @param sdpOptions passed to the SDP solver
 * @param computeCertificate whether to read the SOS certificate and its residual
 * @param progress called with each order's record as soon as it is complete
 * @param gapTolerance a feasible point z certifies itself when f(z) - (verified lower bound) &lt;=
 *        gapTolerance * (1 + |f(z)|) (default {@link #DEFAULT_GAP_TOLERANCE})
 */
public record HierarchyOptions(int minOrder, int maxOrder, long maxMemoryBytes, RankStrategy rankStrategy,
        double pivotTolerance, double feasibilityTolerance, double objectiveTolerance, double ballRadius,
        double boxBound, long seed, SdpOptions sdpOptions, boolean computeCertificate,
        Consumer<OrderRecord> progress, double gapTolerance) {

    /** Orders above k0 tried by default. */
    public static final int DEFAULT_EXTRA_ORDERS = 4;
    /**
     * Relative gap and feasibility tolerance asked of the SDP backend when the caller's SDP
     * options leave them unset: the moments must be accurate for rank decisions.
     */
    public static final double DEFAULT_SDP_TOLERANCE = 1e-8;
    /** Default feasibility tolerance of the check of extracted points. */
    public static final double DEFAULT_FEASIBILITY_TOLERANCE = 1e-5;
    /** Default relative objective tolerance of the check of extracted points. */
    public static final double DEFAULT_OBJECTIVE_TOLERANCE = 1e-5;
    /**
     * Default relative tolerance of the certification by gap: f(z) - lower bound &lt;= 1e-8 (1 + |f(z)|)
     * for a feasible z and a verified lower bound.
     */
    public static final double DEFAULT_GAP_TOLERANCE = 1e-8;
    /** Default seed of the random combination in extraction. */
    public static final long DEFAULT_SEED = 20240601L;

    /** The defaults. */
    public static final HierarchyOptions DEFAULTS = builder().build();

    public HierarchyOptions {
        Objects.requireNonNull(rankStrategy, "rankStrategy");
        Objects.requireNonNull(sdpOptions, "sdpOptions");
        Objects.requireNonNull(progress, "progress");
        if (minOrder < 0 || maxOrder < 0 || (maxOrder > 0 && minOrder > maxOrder)) {
            throw new IllegalArgumentException("orders must satisfy 0 <= minOrder <= maxOrder (0 = automatic), got "
                    + minOrder + " and " + maxOrder);
        }
        if (maxMemoryBytes < 0) {
            throw new IllegalArgumentException("maxMemoryBytes must be >= 0 (0 = the available heap), got "
                    + maxMemoryBytes);
        }
        positive("pivotTolerance", pivotTolerance);
        positive("feasibilityTolerance", feasibilityTolerance);
        positive("objectiveTolerance", objectiveTolerance);
        positive("gapTolerance", gapTolerance);
        if (!(ballRadius >= 0) || Double.isInfinite(ballRadius)) {
            throw new IllegalArgumentException("ballRadius must be >= 0 and finite (0 = none), got " + ballRadius);
        }
        if (!(boxBound >= 0) || Double.isInfinite(boxBound)) {
            throw new IllegalArgumentException("boxBound must be >= 0 and finite (0 = none), got " + boxBound);
        }
    }

    /**
     * The orders a driver solves, first to last.
     *
     * @param first the first order, &gt;= k0
     * @param last the last order, &gt;= first
     */
    public record Orders(int first, int last) {
    }

    /**
     * The orders to solve for a problem whose minimum order is k0: {@code minOrder} (k0 when 0),
     * raised to k0 when below it, up to {@code maxOrder} (k0 + {@link #DEFAULT_EXTRA_ORDERS} when
     * 0), raised to the first order when below it. The one place where orders are clamped: a
     * caller that fixes order 1 of a problem with k0 = 2 gets order 2.
     *
     * @param k0 the minimum order of the (bounded) problem, {@link io.polysos.pop.Pop#minimumOrder()}
     */
    public Orders orders(int k0) {
        int first = Math.max(minOrder, k0);
        int last = maxOrder == 0 ? Math.max(first, k0 + DEFAULT_EXTRA_ORDERS) : Math.max(maxOrder, first);
        return new Orders(first, last);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.minOrder = minOrder;
        b.maxOrder = maxOrder;
        b.maxMemoryBytes = maxMemoryBytes;
        b.rankStrategy = rankStrategy;
        b.pivotTolerance = pivotTolerance;
        b.feasibilityTolerance = feasibilityTolerance;
        b.objectiveTolerance = objectiveTolerance;
        b.ballRadius = ballRadius;
        b.boxBound = boxBound;
        b.seed = seed;
        b.sdpOptions = sdpOptions;
        b.computeCertificate = computeCertificate;
        b.progress = progress;
        b.gapTolerance = gapTolerance;
        return b;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private int minOrder;
        private int maxOrder;
        private long maxMemoryBytes;
        private RankStrategy rankStrategy = RankStrategy.defaultStrategy();
        private double pivotTolerance = AtomExtraction.DEFAULT_PIVOT_TOLERANCE;
        private double feasibilityTolerance = DEFAULT_FEASIBILITY_TOLERANCE;
        private double objectiveTolerance = DEFAULT_OBJECTIVE_TOLERANCE;
        private double ballRadius;
        private double boxBound;
        private long seed = DEFAULT_SEED;
        private SdpOptions sdpOptions = SdpOptions.DEFAULTS;
        private boolean computeCertificate = true;
        private Consumer<OrderRecord> progress = r -> { };
        private double gapTolerance = DEFAULT_GAP_TOLERANCE;

        /** Relative tolerance of the certification by gap (see {@link HierarchyOptions#gapTolerance()}). */
        public Builder gapTolerance(double t) {
            this.gapTolerance = t;
            return this;
        }

        public Builder minOrder(int k) {
            this.minOrder = k;
            return this;
        }

        public Builder maxOrder(int k) {
            this.maxOrder = k;
            return this;
        }

        /** Solves exactly order k (minOrder = maxOrder = k). */
        public Builder order(int k) {
            this.minOrder = k;
            this.maxOrder = k;
            return this;
        }

        /** The memory budget of one relaxation in bytes (0: the heap available when the order starts). */
        public Builder maxMemoryBytes(long bytes) {
            this.maxMemoryBytes = bytes;
            return this;
        }

        public Builder rankStrategy(RankStrategy s) {
            this.rankStrategy = s;
            return this;
        }

        public Builder pivotTolerance(double t) {
            this.pivotTolerance = t;
            return this;
        }

        public Builder feasibilityTolerance(double t) {
            this.feasibilityTolerance = t;
            return this;
        }

        public Builder objectiveTolerance(double t) {
            this.objectiveTolerance = t;
            return this;
        }

        /** Adds the bounding ball of radius r (0 for none). */
        public Builder ballRadius(double r) {
            this.ballRadius = r;
            return this;
        }

        /** Adds the bounding box |z_i| &lt;= b (0 for none). */
        public Builder boxBound(double b) {
            this.boxBound = b;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder sdpOptions(SdpOptions o) {
            this.sdpOptions = o;
            return this;
        }

        public Builder computeCertificate(boolean c) {
            this.computeCertificate = c;
            return this;
        }

        public Builder progress(Consumer<OrderRecord> p) {
            this.progress = p;
            return this;
        }

        public HierarchyOptions build() {
            return new HierarchyOptions(minOrder, maxOrder, maxMemoryBytes, rankStrategy, pivotTolerance,
                    feasibilityTolerance, objectiveTolerance, ballRadius, boxBound, seed, sdpOptions,
                    computeCertificate, progress, gapTolerance);
        }
    }
}
