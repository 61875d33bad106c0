package io.polysos.sdp.mosek;

/**
 * A failure inside MOSEK Fusion (or in binding to it by reflection): a missing class or
 * method, or an exception thrown by a Fusion call, which is kept as the cause.
 */
final class FusionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FusionException(String message, Throwable cause) {
        super(message, cause);
    }

    FusionException(String message) {
        super(message);
    }
}
