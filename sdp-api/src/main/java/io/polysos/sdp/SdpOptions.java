package io.polysos.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Options of a solve, shared by every backend. An unset value means the backend's own
 * default (each backend documents its defaults). Immutable; built with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code relativeGapTolerance}: stop when |pobj - dobj| / (1 + |pobj| + |dobj|) is below.
 *   <li>{@code feasibilityTolerance}: stop when the relative primal and dual residuals are below.
 *   <li>{@code maxIterations}, {@code timeLimitSeconds}: limits, reported as statuses.
 *   <li>{@code threads}: worker threads; 0 or unset means all available processors.
 *   <li>{@code verbose}: one log line per iteration to the log sink.
 *   <li>{@code logSink}: where log lines go (default: discarded; they are also kept in the solution when verbose).
 *   <li>{@code cancellation}: polled between iterations; when it returns true the solve stops with INTERRUPTED.
 *   <li>{@code warmStart}: a previous solution of a problem of the same shape (backends that support it).
 *   <li>{@code backendParameters}: backend-specific settings by name, passed through
 *       (for instance SCS's {@code acceleration_lookback}); unknown names are an error in the backend.
 * </ul>
 */
public final class SdpOptions {

    /** The default options: every value unset. */
    public static final SdpOptions DEFAULTS = builder().build();

    private final Double relativeGapTolerance;
    private final Double feasibilityTolerance;
    private final Integer maxIterations;
    private final Double timeLimitSeconds;
    private final int threads;
    private final boolean verbose;
    private final Consumer<String> logSink;
    private final BooleanSupplier cancellation;
    private final SdpSolution warmStart;
    private final Map<String, String> backendParameters;

    private SdpOptions(Builder b) {
        this.relativeGapTolerance = b.relativeGapTolerance;
        this.feasibilityTolerance = b.feasibilityTolerance;
        this.maxIterations = b.maxIterations;
        this.timeLimitSeconds = b.timeLimitSeconds;
        this.threads = b.threads;
        this.verbose = b.verbose;
        this.logSink = b.logSink;
        this.cancellation = b.cancellation;
        this.warmStart = b.warmStart;
        this.backendParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.backendParameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to derive modified ones */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.relativeGapTolerance = relativeGapTolerance;
        b.feasibilityTolerance = feasibilityTolerance;
        b.maxIterations = maxIterations;
        b.timeLimitSeconds = timeLimitSeconds;
        b.threads = threads;
        b.verbose = verbose;
        b.logSink = logSink;
        b.cancellation = cancellation;
        b.warmStart = warmStart;
        b.backendParameters.putAll(backendParameters);
        return b;
    }

    public OptionalDouble relativeGapTolerance() {
        return relativeGapTolerance == null ? OptionalDouble.empty() : OptionalDouble.of(relativeGapTolerance);
    }

    public OptionalDouble feasibilityTolerance() {
        return feasibilityTolerance == null ? OptionalDouble.empty() : OptionalDouble.of(feasibilityTolerance);
    }

    public OptionalInt maxIterations() {
        return maxIterations == null ? OptionalInt.empty() : OptionalInt.of(maxIterations);
    }

    public OptionalDouble timeLimitSeconds() {
        return timeLimitSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(timeLimitSeconds);
    }

    /** @return the requested thread count, 0 meaning all available processors */
    public int threads() {
        return threads;
    }

    /** @return the thread count to use: {@link #threads()} or the number of processors when 0 */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public boolean verbose() {
        return verbose;
    }

    /** @return the log sink, never null */
    public Consumer<String> logSink() {
        return logSink;
    }

    /** @return true when the caller asked the solve to stop */
    public boolean isCancelled() {
        return cancellation.getAsBoolean();
    }

    /** @return the warm start, or null */
    public SdpSolution warmStart() {
        return warmStart;
    }

    public Map<String, String> backendParameters() {
        return backendParameters;
    }

    /** Builder; every setter validates its argument. */
    public static final class Builder {
        private Double relativeGapTolerance;
        private Double feasibilityTolerance;
        private Integer maxIterations;
        private Double timeLimitSeconds;
        private int threads;
        private boolean verbose;
        private Consumer<String> logSink = line -> { };
        private BooleanSupplier cancellation = () -> false;
        private SdpSolution warmStart;
        private final Map<String, String> backendParameters = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder relativeGapTolerance(double tol) {
            this.relativeGapTolerance = positive("relativeGapTolerance", tol);
            return this;
        }

        public Builder feasibilityTolerance(double tol) {
            this.feasibilityTolerance = positive("feasibilityTolerance", tol);
            return this;
        }

        /** Sets both tolerances. */
        public Builder tolerance(double tol) {
            return relativeGapTolerance(tol).feasibilityTolerance(tol);
        }

        public Builder maxIterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + n);
            }
            this.maxIterations = n;
            return this;
        }

        public Builder timeLimitSeconds(double seconds) {
            this.timeLimitSeconds = positive("timeLimitSeconds", seconds);
            return this;
        }

        /** @param n worker threads, 0 for all available processors */
        public Builder threads(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("threads must be >= 0 (0 = all processors), got " + n);
            }
            this.threads = n;
            return this;
        }

        public Builder verbose(boolean v) {
            this.verbose = v;
            return this;
        }

        public Builder logSink(Consumer<String> sink) {
            this.logSink = Objects.requireNonNull(sink, "logSink");
            return this;
        }

        public Builder cancellation(BooleanSupplier c) {
            this.cancellation = Objects.requireNonNull(c, "cancellation");
            return this;
        }

        public Builder warmStart(SdpSolution s) {
            this.warmStart = s;
            return this;
        }

        public Builder backendParameter(String name, String value) {
            this.backendParameters.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public SdpOptions build() {
            return new SdpOptions(this);
        }

        private static double positive(String what, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
            }
            return v;
        }
    }
}
