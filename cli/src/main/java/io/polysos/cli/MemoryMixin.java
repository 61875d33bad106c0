package io.polysos.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The memory budget option shared by {@code pop} and {@code learn}. */
public class MemoryMixin {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([KkMmGgTt]?)");

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = {"Memory budget of one relaxation, e.g. 2G or 500M (default: the heap available).",
                "An order whose estimate by the chosen backend exceeds it is refused before it is built."})
    String maxMemory;

    /** @return the budget in bytes, 0 when none was given; IllegalArgumentException naming the bad value */
    public long maxMemoryBytes() {
        return maxMemory == null ? 0 : parse(maxMemory);
    }

    /** @return SIZE in bytes: a whole number with an optional unit K, M (the default), G or T */
    static long parse(String s) {
        Matcher m = SIZE.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--max-memory must be a whole number with an optional unit K, M, G or T "
                    + "(e.g. 2G or 500M), got '" + s + "'");
        }
        long v = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> 1L << 20;
        };
        if (v < 1 || v > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("--max-memory must be at least 1K and below 8 EiB, got '" + s + "'");
        }
        return v * unit;
    }
}
