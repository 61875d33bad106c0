package io.polysos.poly;

/**
 * A syntax error in a polynomial expression, with the 0-based character position and the
 * offending token (empty at the end of the input).
 */
public final class PolynomialParseException extends IllegalArgumentException {

    private final int position;
    private final String token;

    /**
     * @param message what was wrong (without the position, which is prepended)
     * @param position 0-based character offset in the parsed text
     * @param token the offending token text ("" at end of input)
     */
    public PolynomialParseException(String message, int position, String token) {
        super("at position " + position + (token.isEmpty() ? " (end of input)" : " ('" + token + "')") + ": " + message);
        this.position = position;
        this.token = token;
    }

    /** @return the 0-based character position of the offending token */
    public int position() {
        return position;
    }

    /** @return the offending token ("" at end of input) */
    public String token() {
        return token;
    }
}
