package io.polysos.sdp.pure;

/**
 * Why an interior-point iteration could not be completed (the run then ends with
 * NUMERICAL_ERROR, or INACCURATE_OPTIMAL when its best iterate is close enough).
 *
 * @param kind what failed
 * @param index the PSD block (in the problem's numbering) or NONNEG entry concerned, or -1
 */
record IterationFailure(Kind kind, int index) {

    /** The kinds of failure. */
    enum Kind {
        /** The Cholesky factorization of an X block failed. */
        X_NOT_POSITIVE_DEFINITE,
        /** The Cholesky factorization of a Z block failed. */
        Z_NOT_POSITIVE_DEFINITE,
        /** An entry of x_L or z_L is not positive. */
        NONNEG_NOT_POSITIVE,
        /** M could not be factored, even with the largest diagonal shift. */
        SCHUR_SINGULAR,
        /** K = B^T M^{-1} B could not be factored, even with the largest diagonal shift. */
        ZERO_SYSTEM_SINGULAR,
        /** The predictor's step lengths are not finite. */
        NONFINITE_PREDICTOR_STEP,
        /** The corrector's step lengths are not numbers. */
        NONFINITE_STEP_LENGTH
    }

    /** A failure that concerns no particular block or entry. */
    static IterationFailure of(Kind kind) {
        return new IterationFailure(kind, -1);
    }

    /** The failure in words (the message of the solution names it). */
    String message() {
        return switch (kind) {
            case X_NOT_POSITIVE_DEFINITE -> "X block " + index + " lost positive definiteness";
            case Z_NOT_POSITIVE_DEFINITE -> "Z block " + index + " lost positive definiteness";
            case NONNEG_NOT_POSITIVE -> "NONNEG entry " + index + " lost positivity";
            case SCHUR_SINGULAR -> "Schur complement is singular";
            case ZERO_SYSTEM_SINGULAR -> "equality (ZERO block) system is singular";
            case NONFINITE_PREDICTOR_STEP -> "non-finite predictor step";
            case NONFINITE_STEP_LENGTH -> "non-finite step length";
        };
    }
}
