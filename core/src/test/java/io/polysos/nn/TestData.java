package io.polysos.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Locates the shared conformance data (system property {@code polysos.data}). */
final class TestData {

    private TestData() {
    }

    static Path networks() {
        String d = System.getProperty("polysos.data", "../../shared/data");
        return Path.of(d, "networks");
    }

    static NetworkInstance network(String file) {
        try {
            return NetworkInstanceFormat.read(networks().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
