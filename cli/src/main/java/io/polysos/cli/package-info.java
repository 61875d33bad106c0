/**
 * The {@code polysos} command (picocli): {@code solvers}, {@code sdp} and the commands of the
 * polynomial and learning layers. Depends on every module; nothing depends on it.
 *
 * <p>Exit codes ({@link io.polysos.cli.ExitCodes}): 0 success, 1 solved but not optimal or
 * not certified (infeasible, unbounded, limits, bound only), 2 bad input or usage, 3 an
 * internal error. Errors print one line on stderr; {@code --debug} adds the stack trace.
 */
package io.polysos.cli;
