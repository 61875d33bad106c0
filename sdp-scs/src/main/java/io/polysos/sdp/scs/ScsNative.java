package io.polysos.sdp.scs;

import io.polysos.sdp.Availability;
import io.polysos.sdp.scs.internal.ScsLibrary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * Loads the native SCS library once and checks it: the JNI glue and SCS must load, SCS must
 * be 3.2.0 or newer, the type sizes compiled into the glue must be sane, and the settings
 * that {@code scs_set_default_settings} writes must read back as SCS's documented defaults
 * (a DLONG mismatch between the glue and the library shows up there). Never throws: every
 * failure becomes an unavailable {@link Availability} with a reason a user can act on.
 */
final class ScsNative {

    /** What to tell a user who has no usable native SCS. */
    static final String HOW_TO = "build SCS 3.x (3.2.0 or newer) with `sdp-scs/build-scs.sh SCS_SOURCE PREFIX` (it uses"
            + " `make CTRLC=0`), set SCS_HOME to the prefix it prints and rebuild polysos (`./polysos` or"
            + " `mvn -Pscs package`; see sdp-scs/README.md)";

    /** Extra zeroed bytes after every native struct, so that a library with a longer layout cannot write past it. */
    static final int STRUCT_PADDING = 512;

    private ScsNative() {
    }

    /** The probe's findings. */
    record State(Availability availability, String version, int intSize, int floatSize, int ctrlc) {
    }

    private static final class Holder {
        static final State STATE = probe();
    }

    /** @return the probe's findings (computed once) */
    static State state() {
        return Holder.STATE;
    }

    static Availability availability() {
        return state().availability();
    }

    /** The resource the build writes, next to the glue, when it skipped the native build (the reason inside). */
    static final String SKIPPED_MARKER = "native-build-skipped.txt";

    private static State probe() {
        try {
            ScsLibrary.load();
        } catch (Throwable t) {
            String why = loadFailure(t, ScsLibrary.class.getClassLoader(),
                    ScsLibrary.class.getPackageName().replace('.', '/'), "jni" + ScsLibrary.class.getSimpleName(),
                    Loader.getPlatform());
            return new State(Availability.no(why + ": " + HOW_TO), "", 0, 0, 0);
        }
        try {
            String version = ScsLibrary.scs_version().getString();
            int intSize = ScsLibrary.polysos_scs_sizeof_int();
            int floatSize = ScsLibrary.polysos_scs_sizeof_float();
            int ctrlc = ScsLibrary.polysos_scs_ctrlc();
            int[] v = parseVersion(version);
            if (v == null || v[0] != 3 || v[1] < 2) {
                return new State(Availability.no("SCS " + version + " is not supported (need 3.2.0 or newer, below 4): "
                        + HOW_TO), version, intSize, floatSize, ctrlc);
            }
            if ((intSize != 4 && intSize != 8) || (floatSize != 4 && floatSize != 8)) {
                return new State(Availability.no("SCS glue compiled with unexpected sizes scs_int=" + intSize
                        + ", scs_float=" + floatSize), version, intSize, floatSize, ctrlc);
            }
            String layout = checkDefaults();
            if (layout != null) {
                return new State(Availability.no("SCS " + version + " does not match the glue it was built with ("
                        + layout + "): the library was probably built with another DLONG/SFLOAT setting than the"
                        + " polysos build; rebuild with -Dscs.dlong=0|1 -Dscs.float=0|1 matching SCS (see sdp-scs/README.md)"),
                        version, intSize, floatSize, ctrlc);
            }
            if (ctrlc == 1) {
                System.getLogger(ScsNative.class.getName()).log(System.Logger.Level.WARNING,
                        "SCS " + version + " was built with CTRLC: it replaces the JVM's SIGINT handler during each"
                        + " solve (Ctrl-C then interrupts the solve instead of the JVM); solves are serialized."
                        + " Build SCS with `make CTRLC=0` for use from Java.");
            }
            String note = "SCS " + version + " (scs_int " + 8 * intSize + "-bit, scs_float " + (floatSize == 8 ? "double" : "float")
                    + (ctrlc == 1 ? "; built with CTRLC: solves are serialized, build SCS with CTRLC=0" : "") + ")";
            return new State(Availability.yes(note), version, intSize, floatSize, ctrlc);
        } catch (Throwable t) {
            return new State(Availability.no("native SCS library unusable (" + summary(t) + "): " + HOW_TO), "", 0, 0, 0);
        }
    }

    /**
     * Says why the glue did not load, in terms a user can act on. JavaCPP reports every
     * failure as "no jniScsLibrary in java.library.path" (the real error is only logged when
     * its debug logger is on), so this looks again: the build's skip reason, a missing glue
     * for this platform, or the dynamic loader's own message from loading the glue directly
     * (typically that libscsdir cannot be found where it was when polysos was built).
     *
     * @param t what {@code Loader.load} threw
     * @param loader the class loader that holds the glue and the build's marker
     * @param dir the resource folder of the binding class, e.g. {@code io/polysos/sdp/scs/internal}
     * @param library the glue's library name, e.g. {@code jniScsLibrary}
     * @param platform JavaCPP's platform name, e.g. {@code linux-x86_64}
     */
    static String loadFailure(Throwable t, ClassLoader loader, String dir, String library, String platform) {
        String skipped = readResource(loader, dir + "/" + SKIPPED_MARKER);
        if (skipped != null) {
            return "the SCS backend was not built: " + skipped.trim();
        }
        String glue = dir + "/" + platform + "/" + System.mapLibraryName(library);
        java.net.URL url = loader.getResource(glue);
        if (url == null) {
            return "this polysos was built without SCS (no " + glue + " on the class path; SCS_HOME was not set when"
                    + " it was built)";
        }
        String real;
        try {
            java.nio.file.Path f = "file".equals(url.getProtocol()) ? java.nio.file.Path.of(url.toURI())
                    : Loader.cacheResource(url).toPath();
            real = realLoadError(f);
        } catch (Throwable e) {
            real = summary(e);
        }
        return "the native SCS library did not load (" + (real != null ? real : summary(t)) + ")";
    }

    /** @return the dynamic loader's message for loading that library file, or null when it loads */
    static String realLoadError(java.nio.file.Path library) {
        try {
            System.load(library.toAbsolutePath().toString());
            return null;
        } catch (UnsatisfiedLinkError e) {
            return e.getMessage();
        }
    }

    private static String readResource(ClassLoader loader, String name) {
        try (var in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** @return null when scs_set_default_settings reads back as SCS 3.x's defaults, else what differs */
    private static String checkDefaults() {
        try (BytePointer mem = new BytePointer(Loader.sizeof(ScsLibrary.ScsSettings.class) + STRUCT_PADDING)) {
            mem.zero();
            ScsLibrary.ScsSettings s = new ScsLibrary.ScsSettings(mem);
            ScsLibrary.scs_set_default_settings(s);
            StringBuilder bad = new StringBuilder();
            check(bad, "max_iters", s.max_iters(), ScsSettings.DEFAULT_MAX_ITERS);
            check(bad, "eps_abs", s.eps_abs(), ScsSettings.DEFAULT_EPS_ABS);
            check(bad, "eps_rel", s.eps_rel(), ScsSettings.DEFAULT_EPS_REL);
            check(bad, "acceleration_lookback", s.acceleration_lookback(), 10);
            check(bad, "acceleration_interval", s.acceleration_interval(), 10);
            if (!(s.alpha() > 0 && s.alpha() < 2)) {
                bad.append("alpha=").append(s.alpha()).append(' ');
            }
            return bad.length() == 0 ? null : "defaults read back as " + bad.toString().trim();
        }
    }

    private static void check(StringBuilder bad, String name, double got, double expected) {
        if (Math.abs(got - expected) > 1e-6 * Math.abs(expected)) {
            bad.append(name).append('=').append(got).append(" (expected ").append(expected).append(") ");
        }
    }

    /** @return {major, minor, patch} or null */
    static int[] parseVersion(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.trim().split("[.]");
        if (parts.length < 2) {
            return null;
        }
        int[] v = new int[3];
        try {
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                v[i] = Integer.parseInt(parts[i].replaceAll("[^0-9].*$", ""));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return v;
    }

    private static String summary(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Allocates zeroed native memory for a struct of the given mapped type plus padding. */
    static BytePointer structMemory(Class<? extends Pointer> type) {
        BytePointer p = new BytePointer(Loader.sizeof(type) + STRUCT_PADDING);
        p.zero();
        return p;
    }
}
