package io.polysos.sdp.pure;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;

/**
 * Provider of the embedded pure-Java backend {@code pure}: always available, lowest
 * priority ({@value #PRIORITY}) so that MOSEK, the other interior-point backend, wins when
 * present; the first-order {@code scs} is never the implicit default whatever its priority.
 */
public final class PureSdpSolverProvider implements SdpSolverProvider {

    /** Priority for default selection (scs uses 20, mosek 30). */
    public static final int PRIORITY = 10;

    @Override
    public String name() {
        return PureSdpSolver.NAME;
    }

    @Override
    public String description() {
        return "pure-Java primal-dual interior-point method (HKM direction, Mehrotra predictor-corrector) on EJML";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        Kernels k = Kernels.get();
        String kernels = k.vectorized()
                ? "dense kernels: " + k.description() + " from " + Kernels.VECTOR_MIN_SCHUR + " variables on, scalar below"
                : "dense kernels: " + k.description() + " (start the JVM with --add-modules " + Kernels.VECTOR_MODULE
                        + " for the SIMD kernels)";
        return Availability.yes("embedded, always available; " + kernels + "; " + NativeLapack.status());
    }

    @Override
    public SdpSolver create() {
        return new PureSdpSolver();
    }
}
