/**
 * JMH benchmarks of the SDP backends and the relaxation steps (full solves of SDPLIB
 * problems, relaxation building, learning; {@code SchurAssemblyBenchmark} and
 * {@code InteriorPointIterationBenchmark}: inner steps of the pure backend at a fixed iterate,
 * through its not-API {@code BenchmarkHooks}). May depend on every module of the project and
 * on JMH; nothing depends on it.
 */
package io.polysos.bench;
