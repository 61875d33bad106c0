package io.polysos.sdp.mosek;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import java.nio.file.Path;

/**
 * The real MOSEK for the live tests: found when mosek.jar is named by {@code -Dmosek.jar=...}
 * (passed through by the build) or {@code MOSEK_JAR} and a licence is found. The real jar is
 * loaded through its own class loader, so the fake Fusion classes of the test sources never
 * shadow it.
 */
final class LiveMosek {

    private LiveMosek() {
    }

    /** @return a solver of the real MOSEK, or null when it is not available ({@link #skipReason()} says why) */
    static SdpSolver solverOrNull() {
        String jar = jar();
        if (jar == null) {
            return null;
        }
        MosekProvider p = MosekProvider.forJar(Path.of(jar));
        return p.availability().available() ? p.create() : null;
    }

    /** @return why the live tests are skipped */
    static String skipReason() {
        String jar = jar();
        if (jar == null) {
            return "MOSEK live tests skipped: set -Dmosek.jar=<MOSEK>/tools/platform/linux64x86/bin/mosek.jar or MOSEK_JAR";
        }
        Availability a = MosekProvider.forJar(Path.of(jar)).availability();
        return "MOSEK live tests skipped: " + a.reason();
    }

    private static String jar() {
        String jar = System.getProperty(FusionLocator.JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            jar = System.getenv(FusionLocator.JAR_ENV);
        }
        return jar == null || jar.isBlank() ? null : jar;
    }
}
