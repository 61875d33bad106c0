package io.polysos.moment.sparse;

import java.util.Locale;

/** Which sparsity the hierarchy exploits. */
public enum Sparsity {
    /** The dense hierarchy: one moment matrix over all variables. */
    NONE("none"),
    /** Correlative sparsity: one moment matrix per maximal clique of the variables' graph. */
    CS("cs"),
    /** Term sparsity (TSSOS): block-diagonal moment matrices from the support's term graph. */
    TS("ts"),
    /** Both: term sparsity inside each clique of correlative sparsity (CS-TSSOS). */
    CS_TS("cs+ts");

    private final String label;

    Sparsity(String label) {
        this.label = label;
    }

    /** @return the command-line spelling: none, cs, ts, cs+ts */
    public String label() {
        return label;
    }

    /** @return true for CS and CS_TS */
    public boolean correlative() {
        return this == CS || this == CS_TS;
    }

    /** @return true for TS and CS_TS */
    public boolean term() {
        return this == TS || this == CS_TS;
    }

    /**
     * @param s none, cs, ts or cs+ts (case-insensitive; "cs-ts" and "csts" are accepted too)
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Sparsity parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "none":
            case "dense":
                return NONE;
            case "cs":
                return CS;
            case "ts":
                return TS;
            case "cs+ts":
            case "cs-ts":
            case "csts":
                return CS_TS;
            default:
                throw new IllegalArgumentException("unknown sparsity '" + s + "': expected none, cs, ts or cs+ts");
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
