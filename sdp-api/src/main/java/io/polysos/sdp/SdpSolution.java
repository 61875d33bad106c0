package io.polysos.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one solve. Arrays handed out are copies. When the status is
 * {@link SdpStatus#INFEASIBLE}, the dual blocks hold a certificate (Y in K*, &lt;F_i,Y&gt; = 0,
 * &lt;F_0,Y&gt; &gt; 0, normalized); when it is {@link SdpStatus#UNBOUNDED}, y holds a ray
 * (c.y &lt; 0, sum_i y_i F_i in K). Otherwise they are the last (best) iterate.
 */
public final class SdpSolution {

    private final SdpStatus status;
    private final double[] y;
    private final double[][] dualBlocks;
    private final double primalObjective;
    private final double dualObjective;
    private final DimacsErrors dimacs;
    private final int iterations;
    private final Map<String, Double> timings;
    private final String solverName;
    private final String solverVersion;
    private final String message;
    private final List<String> log;

    private SdpSolution(Builder b) {
        this.status = Objects.requireNonNull(b.status, "status");
        this.y = b.y == null ? new double[0] : b.y.clone();
        this.dualBlocks = b.dualBlocks == null ? new double[0][] : deepCopy(b.dualBlocks);
        this.primalObjective = b.primalObjective;
        this.dualObjective = b.dualObjective;
        this.dimacs = b.dimacs == null ? DimacsErrors.unavailable() : b.dimacs;
        this.iterations = b.iterations;
        this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(b.timings));
        this.solverName = b.solverName;
        this.solverVersion = b.solverVersion;
        this.message = b.message;
        this.log = List.copyOf(b.log);
    }

    public static Builder builder(SdpStatus status) {
        return new Builder(status);
    }

    public SdpStatus status() {
        return status;
    }

    /** @return a copy of y (length m; empty when the solver produced none) */
    public double[] y() {
        return y.clone();
    }

    /** @return y_i without copying */
    public double y(int i) {
        return y[i];
    }

    /** @return a copy of the dual blocks Y_k (row-major s*s for PSD, length s otherwise) */
    public double[][] dualBlocks() {
        return deepCopy(dualBlocks);
    }

    /** @return a copy of dual block k */
    public double[] dualBlock(int k) {
        return dualBlocks[k].clone();
    }

    /** @return true when y and the dual blocks are present */
    public boolean hasIterate() {
        return y.length > 0 || dualBlocks.length > 0;
    }

    /** @return c . y */
    public double primalObjective() {
        return primalObjective;
    }

    /** @return sum_k &lt;F_0k, Y_k&gt; */
    public double dualObjective() {
        return dualObjective;
    }

    /** @return the relative gap |pobj - dobj| / (1 + |pobj| + |dobj|) */
    public double relativeGap() {
        return Math.abs(primalObjective - dualObjective) / (1 + Math.abs(primalObjective) + Math.abs(dualObjective));
    }

    public DimacsErrors dimacs() {
        return dimacs;
    }

    public int iterations() {
        return iterations;
    }

    /** @return wall time per phase in seconds, in insertion order (e.g. setup, solve, total) */
    public Map<String, Double> timings() {
        return timings;
    }

    /** @return the total wall time in seconds ("total" if given, else the sum of the phases) */
    public double totalSeconds() {
        Double t = timings.get("total");
        if (t != null) {
            return t;
        }
        return timings.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public String solverName() {
        return solverName;
    }

    public String solverVersion() {
        return solverVersion;
    }

    /** @return a one-line human explanation of the status (why it stopped) */
    public String message() {
        return message;
    }

    /** @return the solver's log lines (empty unless verbose or the backend records them) */
    public List<String> log() {
        return log;
    }

    @Override
    public String toString() {
        return "SdpSolution[" + status + ", pobj=" + primalObjective + ", dobj=" + dualObjective + ", iterations="
                + iterations + ", solver=" + solverName + "]";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            r[k] = a[k] == null ? null : a[k].clone();
        }
        return r;
    }

    /** Builder of a solution; arrays are copied at {@link #build()}. */
    public static final class Builder {
        private SdpStatus status;
        private double[] y;
        private double[][] dualBlocks;
        private double primalObjective = Double.NaN;
        private double dualObjective = Double.NaN;
        private DimacsErrors dimacs;
        private int iterations;
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private String solverName = "";
        private String solverVersion = "";
        private String message = "";
        private final List<String> log = new ArrayList<>();

        private Builder(SdpStatus status) {
            this.status = status;
        }

        public Builder status(SdpStatus s) {
            this.status = s;
            return this;
        }

        public Builder y(double[] v) {
            this.y = v;
            return this;
        }

        public Builder dualBlocks(double[][] v) {
            this.dualBlocks = v;
            return this;
        }

        public Builder primalObjective(double v) {
            this.primalObjective = v;
            return this;
        }

        public Builder dualObjective(double v) {
            this.dualObjective = v;
            return this;
        }

        public Builder dimacs(DimacsErrors d) {
            this.dimacs = d;
            return this;
        }

        public Builder iterations(int n) {
            this.iterations = n;
            return this;
        }

        /** Records the wall time of a phase, in seconds. */
        public Builder timing(String phase, double seconds) {
            this.timings.put(phase, seconds);
            return this;
        }

        public Builder solver(String name, String version) {
            this.solverName = name;
            this.solverVersion = version;
            return this;
        }

        public Builder message(String m) {
            this.message = m == null ? "" : m;
            return this;
        }

        public Builder log(List<String> lines) {
            this.log.addAll(lines);
            return this;
        }

        /**
         * Fills in the objectives and the DIMACS measures from y and the dual blocks through
         * the shared routine (for solutions that have an iterate).
         */
        public Builder measure(SdpProblem problem) {
            if (y != null && dualBlocks != null) {
                this.primalObjective = problem.objectiveValue(y);
                this.dualObjective = problem.dualObjectiveValue(dualBlocks);
                this.dimacs = DimacsErrors.compute(problem, y, dualBlocks);
            }
            return this;
        }

        public SdpSolution build() {
            return new SdpSolution(this);
        }
    }
}
