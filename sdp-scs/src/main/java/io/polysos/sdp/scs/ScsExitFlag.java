package io.polysos.sdp.scs;

import io.polysos.sdp.SdpStatus;

/**
 * SCS 3.x exit flags ({@code status_val}, the {@code SCS_*} constants of {@code scs.h}) and
 * the one mapping to {@link SdpStatus}. SCS's primal {@code min c'x, Ax + s = b, s in K}
 * is our (P) in y (see {@link ScsConicForm}), so SCS's "infeasible" (primal infeasible,
 * dual unbounded) is our {@link SdpStatus#INFEASIBLE} and SCS's "unbounded" is our
 * {@link SdpStatus#UNBOUNDED}.
 *
 * <p>SCS returns an inaccurate flag only when it stops at {@code max_iters} or
 * {@code time_limit_secs} without meeting its tolerances, reporting the kind of its best
 * guess. A best guess that is a solution maps to {@link SdpStatus#INACCURATE_OPTIMAL}; a best
 * guess that is an unverified certificate of infeasibility or unboundedness is not reported
 * as one: it maps to the limit that stopped the solve ({@link SdpStatus#ITERATION_LIMIT} or
 * {@link SdpStatus#TIME_LIMIT}).
 */
enum ScsExitFlag {
    INFEASIBLE_INACCURATE(-7),
    UNBOUNDED_INACCURATE(-6),
    SIGINT(-5),
    FAILED(-4),
    INDETERMINATE(-3),
    INFEASIBLE(-2),
    UNBOUNDED(-1),
    SOLVED(1),
    SOLVED_INACCURATE(2);

    private final int code;

    ScsExitFlag(int code) {
        this.code = code;
    }

    /** @return the native value */
    int code() {
        return code;
    }

    /**
     * @param code a value of {@code ScsInfo.status_val} / the return value of {@code scs_solve}
     * @throws IllegalArgumentException for a code that SCS 3.x does not return (including
     *         0, SCS_UNFINISHED, which is only a placeholder)
     */
    static ScsExitFlag of(long code) {
        for (ScsExitFlag f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown SCS exit flag " + code + " (known: -7..-1, 1, 2)");
    }

    /**
     * @param timeLimitReached whether the solve stopped at the time limit (SCS says so in its
     *        status string); decides between ITERATION_LIMIT and TIME_LIMIT for the
     *        inaccurate certificates
     * @return the status of the problem in this project's standard form
     */
    SdpStatus toStatus(boolean timeLimitReached) {
        return switch (this) {
            case SOLVED -> SdpStatus.OPTIMAL;
            case SOLVED_INACCURATE -> SdpStatus.INACCURATE_OPTIMAL;
            case INFEASIBLE -> SdpStatus.INFEASIBLE;
            case UNBOUNDED -> SdpStatus.UNBOUNDED;
            case INFEASIBLE_INACCURATE, UNBOUNDED_INACCURATE ->
                    timeLimitReached ? SdpStatus.TIME_LIMIT : SdpStatus.ITERATION_LIMIT;
            case SIGINT -> SdpStatus.INTERRUPTED;
            case FAILED, INDETERMINATE -> SdpStatus.NUMERICAL_ERROR;
        };
    }

    /** @return whether SCS's x, y, s hold an iterate (not a certificate, not NaN) */
    boolean hasIterate() {
        return this == SOLVED || this == SOLVED_INACCURATE;
    }
}
