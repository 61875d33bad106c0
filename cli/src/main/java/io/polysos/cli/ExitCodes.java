package io.polysos.cli;

/** The exit codes of the {@code polysos} command. */
public final class ExitCodes {

    /** Success: solved to optimality, certified, or a listing command. */
    public static final int OK = 0;
    /** Solved, but not optimal or not certified (infeasible, unbounded, limits, a bound only). */
    public static final int NOT_OPTIMAL = 1;
    /** Bad input or usage (malformed file, unknown option, unavailable solver). */
    public static final int BAD_INPUT = 2;
    /** An internal error (a bug): rerun with --debug for the stack trace. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
