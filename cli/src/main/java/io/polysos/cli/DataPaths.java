package io.polysos.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the conformance data folder (sdplib/, networks/, pop/). */
public final class DataPaths {

    private DataPaths() {
    }

    /**
     * @return the data folder: the system property {@code polysos.data}, else the environment
     *         variable {@code POLYSOS_DATA}, else the first {@code shared/data} found beside the
     *         working folder or one of its parents
     * @throws IllegalArgumentException when none is found
     */
    public static Path shared() {
        String p = System.getProperty("polysos.data");
        if (p == null || p.isBlank()) {
            p = System.getenv("POLYSOS_DATA");
        }
        if (p != null && !p.isBlank()) {
            Path d = Path.of(p);
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("data folder not found: " + d + " (from polysos.data / POLYSOS_DATA)");
            }
            return d;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : new Path[] {dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data")}) {
                if (c != null && Files.isDirectory(c.resolve("sdplib"))) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("conformance data not found: set POLYSOS_DATA to the folder holding "
                + "sdplib/, networks/ and pop/ (or pass --data)");
    }
}
