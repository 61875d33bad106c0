package io.polysos.moment;

/** What proves a CERTIFIED result optimal (see the README section "What a certificate proves"). */
public enum Certificate {
    /** Not certified. */
    NONE("none"),
    /** Flat truncation held and every extracted point is a checked global minimizer. */
    FLAT_TRUNCATION("flat-truncation"),
    /** A feasible point's objective is within the gap tolerance of the verified lower bound. */
    GAP("gap"),
    /** Both of the above. */
    BOTH("both");

    private final String jsonName;

    Certificate(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in JSON output: none, flat-truncation, gap or both */
    public String jsonName() {
        return jsonName;
    }

    /** @return the certificate from its two possible sources */
    public static Certificate of(boolean flat, boolean gap) {
        return flat ? (gap ? BOTH : FLAT_TRUNCATION) : (gap ? GAP : NONE);
    }

    /** @return whether the result is certified */
    public boolean certifies() {
        return this != NONE;
    }
}
