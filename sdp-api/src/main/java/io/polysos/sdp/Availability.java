package io.polysos.sdp;

/**
 * Whether a backend can be used, and in words a user can act on why not.
 *
 * @param available true when the backend can create solvers
 * @param reason why it is unavailable (what to install or set), or a short note when available
 */
public record Availability(boolean available, String reason) {

    public Availability {
        reason = reason == null ? "" : reason;
    }

    public static Availability yes(String note) {
        return new Availability(true, note);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
