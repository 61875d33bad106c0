/**
 * JMH benchmarks of the SDP backends and the relaxation steps ({@code PureSolverBenchmark}:
 * one solve of an SDPLIB problem by the pure backend). May depend on every module of the
 * project and on JMH; nothing depends on it.
 */
package io.polysos.bench;
