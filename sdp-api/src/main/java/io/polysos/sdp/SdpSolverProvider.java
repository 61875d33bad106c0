package io.polysos.sdp;

/**
 * The service-provider interface of a backend, found through {@link java.util.ServiceLoader}:
 * a backend ships {@code META-INF/services/io.polysos.sdp.SdpSolverProvider} naming its
 * implementation, which must have a public no-argument constructor and must not fail in it
 * (an unavailable backend says so through {@link #availability()}).
 */
public interface SdpSolverProvider {

    /** @return the name users select the backend by: {@code pure}, {@code scs}, {@code mosek} */
    String name();

    /** @return a one-line description */
    String description();

    /** @return the priority for default selection; higher wins among the available ones */
    int priority();

    /**
     * Whether the registry may pick this backend when no backend is named. Interior-point
     * backends reach the accuracy the Moment-SOS hierarchy needs (moments to about 1e-8) and
     * are eligible; a first-order backend (SCS) is not: it reaches that accuracy slowly or not
     * at all, so it runs only when asked for by name ({@code --solver},
     * {@value SdpSolvers#SOLVER_PROPERTY}).
     *
     * @return true (the default) when the backend may be the implicit default
     */
    default boolean eligibleAsDefault() {
        return true;
    }

    /**
     * @return why a backend that is not {@link #eligibleAsDefault() eligible as default} runs only
     *         when named, as a phrase after its name (e.g. "is a first-order method")
     */
    default String onRequestReason() {
        return "is not picked implicitly";
    }

    /** @return whether the backend can be used here, and why not if it cannot */
    Availability availability();

    /**
     * @return a solver
     * @throws SolverUnavailableException when the backend is not available
     */
    SdpSolver create();
}
