/**
 * The semidefinite-programming model shared by every backend: problems in the SDPA-like
 * standard form with PSD, NONNEG and ZERO blocks ({@link io.polysos.sdp.SdpProblem}),
 * solutions and their statuses ({@link io.polysos.sdp.SdpSolution}), solver options, the
 * DIMACS error measures computed once for all backends, the solver SPI and registry
 * ({@link io.polysos.sdp.SdpSolvers}), and the SDPA sparse file format
 * ({@link io.polysos.sdp.SdpaFormat}).
 *
 * <h2>Standard form</h2>
 * <pre>
 *   (P)  minimize    c . y                         over y in R^m
 *        subject to  S_k(y) = sum_i y_i F_{i,k} - F_{0,k}  in K_k,   k = 1..B
 *   (D)  maximize    sum_k &lt;F_{0,k}, Y_k&gt;
 *        subject to  sum_k &lt;F_{i,k}, Y_k&gt; = c_i,  Y_k in K_k*
 * </pre>
 * with K_k one of PSD(s), NONNEG(s) (elementwise &gt;= 0) and ZERO(s) (= 0; its dual cone is
 * free). Indices are 0-based in the Java API (the SDPA files are 1-based). Symmetric
 * coefficient matrices store each off-diagonal pair once, in the upper triangle
 * (row &lt;= col); NONNEG and ZERO blocks are diagonal. Dense matrices (dual blocks) are full
 * row-major arrays of length s*s; vector blocks are arrays of length s.
 *
 * <p>Depends on EJML (dense eigenvalues for the DIMACS measures) and the JDK only.
 */
package io.polysos.sdp;
