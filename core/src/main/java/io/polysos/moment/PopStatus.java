package io.polysos.moment;

/** The verdict of the hierarchy on a polynomial program. */
public enum PopStatus {
    /**
     * The bound is the global optimum: flat truncation held and the extracted points were
     * checked, or a feasible point closes the gap to the verified bound (see {@link Certificate}).
     */
    CERTIFIED,
    /** A lower bound was computed but optimality could not be certified. */
    BOUND_ONLY,
    /** The problem is unbounded below, proved by a feasible ray along which the objective decreases without bound. */
    UNBOUNDED,
    /** No order produced a usable solution (infeasible, numerical failure, limits). */
    FAILED
}
