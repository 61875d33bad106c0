/**
 * The embedded pure-Java SDP backend {@code pure}: a primal-dual interior-point method
 * (infeasible start, HKM direction, Mehrotra predictor-corrector) for the standard form of
 * {@link io.polysos.sdp}, with ZERO blocks handled as equality rows of a saddle-point Schur
 * system. Public entry points: {@link io.polysos.sdp.pure.PureSdpSolver} and its
 * ServiceLoader provider {@link io.polysos.sdp.pure.PureSdpSolverProvider}.
 * {@link io.polysos.sdp.pure.BenchmarkHooks} is public only for the JMH benchmarks and is not
 * API; everything else is package-private (the Schur complement assembly, its blocked
 * two-thread Cholesky factorization {@code DenseCholesky}, the iteration itself).
 *
 * <p>Depends on sdp-api, EJML (ejml-ddense: Cholesky factors of the cone blocks, symmetric
 * eigenvalues, triangular inverses, dense products) and the JDK only.
 */
package io.polysos.sdp.pure;
