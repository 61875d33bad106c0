package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpShape;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;

import java.util.Locale;
import java.util.Objects;

/**
 * The embedded pure-Java SDP backend: an infeasible-start primal-dual interior-point method
 * with the HKM search direction and Mehrotra's predictor-corrector, on EJML dense linear
 * algebra. It solves the standard form of {@link io.polysos.sdp} through its dual (D), which
 * is CSDP's primal: the dual blocks Y_k of PSD and NONNEG blocks are the cone variable X, the
 * slack S(y) is CSDP's Z, and the dual blocks of ZERO blocks are free variables x_f whose
 * equations B^T y = F_0 restricted to the ZERO blocks enter a saddle-point Schur system (see
 * {@link InteriorPointRun}).
 *
 * <p>Defaults: {@link #DEFAULT_RELATIVE_GAP_TOLERANCE}, {@link #DEFAULT_FEASIBILITY_TOLERANCE},
 * {@link #DEFAULT_MAX_ITERATIONS}; no time limit; all processors for the Schur complement.
 *
 * <p>Backend parameters ({@link SdpOptions#backendParameters()}), any other name is refused:
 * <ul>
 *   <li>{@value #START_PARAMETER} = {@code auto} (default), {@code csdp} or {@code mehrotra}:
 *       the starting point (see {@link StartingPoint}), CSDP's scaled identities or Mehrotra's
 *       least-norm point shifted into the interior; {@code auto} takes Mehrotra's for moment
 *       relaxations ({@link StartingPoint#looksLikeMomentRelaxation}) and CSDP's otherwise.
 *   <li>{@value #PERTURBATION_PARAMETER} = {@code auto} (default), {@code on} or {@code off}: the
 *       objective perturbation of {@link InteriorPointRun}. {@code auto} leaves it off in the
 *       automatic run from Mehrotra's point (moment relaxations, which then take 8-18 % fewer
 *       iterations at order 3 and 15 % fewer at order 4) and turns it on in that run's
 *       restarts and in every other run, because it is what keeps X bounded when y has no
 *       interior point.
 * </ul>
 * A moment relaxation whose automatic run from Mehrotra's point ends INACCURATE_OPTIMAL or
 * NUMERICAL_ERROR, or diverges, is solved again: from Mehrotra's point with the perturbation
 * when the first run went without it, then from CSDP's point, and the best answer is
 * kept.
 *
 * <p>Stateless and safe to share between threads (each solve has its own work arrays).
 */
public final class PureSdpSolver implements SdpSolver {

    /** Provider name. */
    public static final String NAME = "pure";
    /** Version reported in solutions. */
    public static final String VERSION = "0.1.0";

    /** Default bound on |pobj - dobj| / (1 + |pobj| + |dobj|) (and on the complementarity). */
    public static final double DEFAULT_RELATIVE_GAP_TOLERANCE = 1e-8;
    /**
     * Default bound on the relative infeasibilities ||(&lt;F_i,Y&gt; - c_i)_i||_2 / (1 + ||c||_inf)
     * and ||S - (sum_i y_i F_i - F_0)||_F / (1 + ||F_0||_max) (including the ZERO rows).
     */
    public static final double DEFAULT_FEASIBILITY_TOLERANCE = 1e-8;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /**
     * A stop short of the tolerances (stagnation, numerical trouble) reports
     * INACCURATE_OPTIMAL when the best iterate meets the tolerances multiplied by this factor
     * (and at most {@link #DEFAULT_INACCURATE_TOLERANCE}), NUMERICAL_ERROR otherwise.
     */
    public static final double DEFAULT_INACCURATE_FACTOR = 1e4;
    /** Upper bound on the tolerances accepted for INACCURATE_OPTIMAL. */
    public static final double DEFAULT_INACCURATE_TOLERANCE = 1e-4;
    /**
     * Problems with fewer variables than this assemble and factor the Schur complement in one
     * thread.
     */
    public static final int DEFAULT_PARALLEL_MIN_VARIABLES = 48;
    /** Name of the backend parameter that chooses the starting point. */
    public static final String START_PARAMETER = "start";
    /** Name of the backend parameter that turns the objective perturbation on or off. */
    public static final String PERTURBATION_PARAMETER = "perturbation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public SdpSolution solve(SdpProblem problem, SdpOptions options) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(options, "options");
        // the run reads the backend parameters (refusing unknown ones) before any allocation
        InteriorPointRun run = new InteriorPointRun(problem, options);
        long need = estimateBytes(problem);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            System.gc(); // count only live data before refusing: uncollected garbage is reusable
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (need > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "problem %s is too large for the pure backend: it needs about %s of heap "
                            + "(dense %d x %d Schur complement and %d dense copies of each PSD block), %s are "
                            + "available; raise -Xmx (POLYSOS_JAVA_OPTS for the polysos command) or use another backend",
                    problem.name().isEmpty() ? "" : "'" + problem.name() + "'", io.polysos.util.ByteSizes.format(need),
                    problem.numVariables(), problem.numVariables(), DENSE_COPIES_PER_BLOCK,
                    io.polysos.util.ByteSizes.format(available)));
        }
        return run.run();
    }

    /**
     * Heap per entry of a sparse Schur pattern's lower triangle: three values and a column
     * index, the full rows' two ints per direction, and the factor (a few times the pattern
     * with its row index), rounded up.
     */
    static final long SPARSE_BYTES_PER_ENTRY = 128;

    /** Dense work copies of each PSD block held by an iteration (iterates, directions, inverses, work). */
    static final int DENSE_COPIES_PER_BLOCK = 16;

    /**
     * A rough upper estimate of the heap a solve needs: the dense Schur complement (8 m^2
     * bytes, plus its factor), {@value #DENSE_COPIES_PER_BLOCK} dense copies of each PSD block
     * and the equality coupling M^-1 B (8 m r bytes for r equality rows).
     */
    @Override
    public long estimateBytes(SdpShape shape) {
        return estimateFor(shape);
    }

    /**
     * The estimate of {@link #estimateBytes(SdpShape)}, except that a problem with a sparse Schur
     * complement ({@link SparseSchur#sparsePatternNonzeros}) is counted by its pattern: that path
     * holds no m x m array.
     */
    @Override
    public long estimateBytes(SdpProblem problem) {
        long need = estimateFor(problem);
        long pattern = SparseSchur.sparsePatternNonzeros(problem);
        if (pattern >= 0) {
            double m = problem.numVariables();
            need = Math.max(0, need - (long) Math.min(Long.MAX_VALUE, 16 * m * m)) + pattern * SPARSE_BYTES_PER_ENTRY;
        }
        return need;
    }

    /** The estimate of {@link #estimateBytes}, without an instance. */
    public static long estimateFor(SdpProblem problem) {
        return estimateFor(SdpShape.of(problem));
    }

    /** The estimate of {@link #estimateBytes(SdpShape)}, without an instance. */
    public static long estimateFor(SdpShape shape) {
        double m = shape.numVariables();
        double bytes = 16 * m * m;
        double zeroRows = 0;
        for (SdpShape.Blocks b : shape.blocks()) {
            double sz = b.size();
            double count = b.count();
            switch (b.kind()) {
                case PSD -> bytes += count * DENSE_COPIES_PER_BLOCK * 8 * sz * sz;
                case NONNEG -> bytes += count * DENSE_COPIES_PER_BLOCK * 8 * sz;
                case ZERO -> zeroRows += count * sz;
            }
        }
        bytes += 8 * m * zeroRows + 8 * zeroRows * zeroRows;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /**
     * The backend parameters of a run.
     *
     * @param start the starting point
     * @param perturbation when the objective perturbation is used
     */
    record Settings(StartingPoint.Kind start, Perturbation perturbation) {
    }

    /** The backend parameter {@value #PERTURBATION_PARAMETER}. */
    enum Perturbation {
        /**
         * Off in the automatic run from Mehrotra's point (whose restarts have it on), on
         * otherwise.
         */
        AUTO,
        /** On in every run. */
        ON,
        /** Off in every run. */
        OFF
    }

    /** The settings given by the backend parameters; refuses any other parameter or value. */
    static Settings settings(SdpOptions options) {
        StartingPoint.Kind kind = StartingPoint.Kind.AUTO;
        Perturbation perturbation = Perturbation.AUTO;
        for (java.util.Map.Entry<String, String> e : options.backendParameters().entrySet()) {
            String v = e.getValue().trim().toLowerCase(Locale.ROOT);
            if (e.getKey().equals(START_PARAMETER)) {
                kind = StartingPoint.Kind.parse(e.getValue());
            } else if (e.getKey().equals(PERTURBATION_PARAMETER)) {
                switch (v) {
                    case "auto" -> perturbation = Perturbation.AUTO;
                    case "on" -> perturbation = Perturbation.ON;
                    case "off" -> perturbation = Perturbation.OFF;
                    default -> throw new IllegalArgumentException("pure setting '" + PERTURBATION_PARAMETER
                            + "' must be auto, on or off, not '" + e.getValue() + "'");
                }
            } else {
                throw new IllegalArgumentException("unknown pure setting '" + e.getKey() + "'; valid names: "
                        + START_PARAMETER + ", " + PERTURBATION_PARAMETER);
            }
        }
        return new Settings(kind, perturbation);
    }
}
