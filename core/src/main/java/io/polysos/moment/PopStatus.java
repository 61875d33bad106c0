package io.polysos.moment;

/** The verdict of the hierarchy on a polynomial program. */
public enum PopStatus {
    /** Flat truncation held and the extracted points were checked: the bound is the global optimum. */
    CERTIFIED,
    /** A lower bound was computed but optimality could not be certified. */
    BOUND_ONLY,
    /** No order produced a usable solution (infeasible, numerical failure, limits). */
    FAILED
}
