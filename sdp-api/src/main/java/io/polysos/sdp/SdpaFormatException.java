package io.polysos.sdp;

/** A malformed SDPA file: the message names the source, the line and what was expected. */
public class SdpaFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public SdpaFormatException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** @return the file or stream name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when the problem is not tied to a line */
    public int line() {
        return line;
    }
}
