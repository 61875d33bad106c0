package io.polysos.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON parser's error message into one a user can act on: what was found, without
 * the parser's configuration switches (which a user of the command line cannot set) or its
 * internal source descriptions.
 */
public final class JsonMessages {

    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern FEATURE = Pattern.compile(":? *(enable|disable|use) `[^`]*`[^;)]*");
    private static final int MAX_LENGTH = 240;

    private JsonMessages() {
    }

    /** @return the message, cleaned (never null) */
    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "malformed JSON";
        }
        Matcher m = NON_STANDARD.matcher(message);
        if (m.matches()) {
            return "'" + m.group(1) + "' is not a JSON value (JSON has no NaN or infinite numbers)";
        }
        if (message.startsWith("Leading zeroes not allowed")) {
            return "a number with a leading zero is not JSON";
        }
        String s = SOURCE.matcher(message).replaceAll(" [line $1, column $2]");
        s = FEATURE.matcher(s).replaceAll("");
        s = s.replaceAll("\\s+", " ").strip();
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH) + "...";
        }
        return s;
    }
}
