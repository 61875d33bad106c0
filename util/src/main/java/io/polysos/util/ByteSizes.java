package io.polysos.util;

import java.util.Locale;

/** Memory sizes for messages: "812 MiB", "3.4 GiB", and "> 8 EiB" for a saturated estimate. */
public final class ByteSizes {

    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSizes() {
    }

    /**
     * @param bytes a size; Long.MAX_VALUE (and anything from 2^63 on, as a double) stands for
     *              an estimate that overflowed
     * @return the size in the largest binary unit below it, 3 significant digits
     */
    public static String format(double bytes) {
        if (Double.isNaN(bytes)) {
            return "unknown";
        }
        if (bytes >= 0x1p63 || bytes == Long.MAX_VALUE) {
            return "> 8 EiB";
        }
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%d bytes", Math.max(0, (long) bytes));
        }
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, UNITS[u]);
    }
}
