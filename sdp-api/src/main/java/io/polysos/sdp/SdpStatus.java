package io.polysos.sdp;

/**
 * How a solve ended, stated for the standard form (P) minimize c.y s.t. S_k(y) in K_k.
 * Not converging is a status, never an exception.
 */
public enum SdpStatus {
    /** Solved to the requested tolerances. */
    OPTIMAL,
    /** No y puts every S_k(y) in its cone; the dual blocks hold a certificate (a ray). */
    INFEASIBLE,
    /** c.y is unbounded below on the feasible set (the dual is infeasible); y holds a ray. */
    UNBOUNDED,
    /** Stopped close to optimal but short of the requested tolerances. */
    INACCURATE_OPTIMAL,
    /** Stopped at the iteration limit. */
    ITERATION_LIMIT,
    /** Stopped at the time limit. */
    TIME_LIMIT,
    /** Stopped by a numerical failure (singular system, loss of definiteness, stagnation). */
    NUMERICAL_ERROR,
    /** Stopped by cooperative cancellation. */
    INTERRUPTED;

    /** @return true for OPTIMAL only */
    public boolean isOptimal() {
        return this == OPTIMAL;
    }

    /** @return true for OPTIMAL and INACCURATE_OPTIMAL: the objectives are meaningful */
    public boolean hasSolution() {
        return this == OPTIMAL || this == INACCURATE_OPTIMAL;
    }

    /** @return true when the problem was shown infeasible or unbounded */
    public boolean isInfeasibleOrUnbounded() {
        return this == INFEASIBLE || this == UNBOUNDED;
    }

    /** @return true for INACCURATE_OPTIMAL */
    public boolean isInaccurate() {
        return this == INACCURATE_OPTIMAL;
    }

    /** @return true when the solver stopped without an answer (limits, errors, interruption) */
    public boolean isFailure() {
        return this == ITERATION_LIMIT || this == TIME_LIMIT || this == NUMERICAL_ERROR || this == INTERRUPTED;
    }
}
