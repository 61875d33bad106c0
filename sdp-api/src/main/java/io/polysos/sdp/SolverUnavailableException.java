package io.polysos.sdp;

/** Asking for a backend that is unknown or not available here. The message lists the alternatives. */
public class SolverUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SolverUnavailableException(String message) {
        super(message);
    }

    public SolverUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
