package io.polysos.sdp;

/**
 * A backend's solver. Implementations are stateless between solves and safe to use from
 * several threads at once (each call is an independent solve) unless documented otherwise.
 */
public interface SdpSolver {

    /** @return the provider name, e.g. {@code pure} */
    String name();

    /** @return the backend's version (for native backends, the native library's version) */
    String version();

    /**
     * Solves a problem. Not converging, infeasibility and limits are statuses, not
     * exceptions; only invalid arguments throw.
     *
     * @param problem the problem, not modified
     * @param options the options ({@link SdpOptions#DEFAULTS} for the backend's defaults)
     */
    SdpSolution solve(SdpProblem problem, SdpOptions options);

    /**
     * Estimates the heap a solve of a problem of this shape needs, in bytes, so that callers
     * (the hierarchy drivers, batch runs) can refuse a problem before building it. The one
     * estimate every memory gate uses.
     *
     * @return the estimate, or -1 when the backend does not know (the default)
     */
    default long estimateBytes(SdpShape shape) {
        return -1;
    }

    /** @return {@link #estimateBytes(SdpShape)} of the problem's shape */
    default long estimateBytes(SdpProblem problem) {
        return estimateBytes(SdpShape.of(problem));
    }

    /** Solves with the backend's default options. */
    default SdpSolution solve(SdpProblem problem) {
        return solve(problem, SdpOptions.DEFAULTS);
    }
}
