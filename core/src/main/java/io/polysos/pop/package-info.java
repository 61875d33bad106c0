/**
 * Polynomial programs: minimize f subject to g_j &gt;= 0 and h_l = 0
 * ({@link io.polysos.pop.Pop}), built in code or read from {@code polysos-pop/1} JSON
 * ({@link io.polysos.pop.PopReader}), with optional redundant bounding constraints.
 *
 * <p>Depends on {@code io.polysos.poly} and Jackson.
 */
package io.polysos.pop;
