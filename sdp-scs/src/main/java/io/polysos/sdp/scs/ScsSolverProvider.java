package io.polysos.sdp.scs;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SolverUnavailableException;

/**
 * The {@code scs} backend for {@link java.util.ServiceLoader}: SCS 3.x through JavaCPP. It is
 * available when the module was built with the {@code scs} Maven profile against a native
 * SCS (see sdp-scs/README.md) and that library loads and passes the checks of
 * {@code ScsNative}; otherwise {@link #availability()} says what to do. Neither the
 * constructor nor {@link #availability()} ever throws, even without JavaCPP or the natives.
 */
public final class ScsSolverProvider implements SdpSolverProvider {

    /**
     * Priority among providers (listing order): above {@code pure}, below {@code mosek}. It
     * never makes SCS the default: see {@link #eligibleAsDefault()}.
     */
    public static final int PRIORITY = 20;

    public ScsSolverProvider() {
        // nothing native here: loading happens on the first availability() call
    }

    @Override
    public String name() {
        return ScsSolver.NAME;
    }

    @Override
    public String description() {
        return "SCS 3.x (operator splitting, first-order; moderate accuracy, large problems) through JavaCPP";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * @return false: SCS is a first-order method; the registry never picks it unless it is
     *         named ({@code --solver scs}, {@code POLYSOS_SOLVER=scs}), because the hierarchy
     *         needs moments accurate to about 1e-8, which SCS reaches slowly or not at all
     */
    @Override
    public boolean eligibleAsDefault() {
        return false;
    }

    @Override
    public String onRequestReason() {
        return "is a first-order method";
    }

    @Override
    public Availability availability() {
        try {
            return ScsNative.availability();
        } catch (Throwable t) {
            return Availability.no("native SCS library not usable (" + t + "): " + ScsNative.HOW_TO);
        }
    }

    @Override
    public SdpSolver create() {
        Availability a = availability();
        if (!a.available()) {
            throw new SolverUnavailableException("scs: " + a.reason());
        }
        return new ScsSolver();
    }
}
