/**
 * The embedded pure-Java SDP backend {@code pure}: a primal-dual interior-point method
 * (infeasible start, HKM direction, Mehrotra predictor-corrector) for the standard form of
 * {@link io.polysos.sdp}, with ZERO blocks handled as equality rows of a saddle-point Schur
 * system. Public entry points: {@link io.polysos.sdp.pure.PureSdpSolver} and its
 * ServiceLoader provider {@link io.polysos.sdp.pure.PureSdpSolverProvider}; everything else is
 * package-private. The iteration is split by concept, after Clarabel's solver layout:
 * {@code ProblemData} (the data), {@code Iterate} (the variables), {@code Residuals} (residuals
 * and measures), {@code NewtonSystem} (cone factorizations, search directions and the
 * predictor-corrector step) with {@code SchurAssembler} (the Schur complement),
 * {@code SchurFactorization} (the one place that factors it; blocked Cholesky
 * {@code DenseCholesky} on the dense {@code Kernels}) and {@code StepLength},
 * {@code Termination} (stopping, infeasibility and unboundedness certificates, best iterate),
 * {@code Endgame} (the final correction), {@code IterationFailure}, {@code StartingPoint}
 * (CSDP's or Mehrotra's starting point, and which one a problem gets); {@code InteriorPointRun}
 * holds the settings and runs the loop. The JMH benchmarks
 * reach the inner steps through {@code BenchmarkHooks}, which lives in the same package but in
 * the {@code benchmarks} module, so it is no part of this artifact.
 *
 * <p>Depends on sdp-api, EJML (ejml-ddense: Cholesky factors of the cone blocks, symmetric
 * eigenvalues, triangular inverses) and the JDK only; the SIMD kernels use the JDK's Vector API
 * module {@code jdk.incubator.vector} when the JVM has it.
 */
package io.polysos.sdp.pure;
