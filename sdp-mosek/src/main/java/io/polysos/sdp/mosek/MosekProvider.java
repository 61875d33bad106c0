package io.polysos.sdp.mosek;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SolverUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code mosek} backend: MOSEK through its Fusion API for Java, found at run time.
 *
 * <p>Available exactly when the Fusion classes can be loaded (from the class path, or from the
 * jar named by {@code -Dmosek.jar} or {@code MOSEK_JAR}), MOSEK's native libraries load, and a
 * licence can be checked out; the licence is checked by solving a one-variable problem. The
 * check runs once and its result is kept (per JVM for the no-argument constructor, which
 * {@link java.util.ServiceLoader} uses), so {@link #availability()} is cheap after the first
 * call and never throws.
 */
public final class MosekProvider implements SdpSolverProvider {

    /** Provider name. */
    public static final String NAME = "mosek";
    /** Default-selection priority: above {@code scs} and {@code pure}. */
    public static final int PRIORITY = 30;
    /** MOSEK's licence environment variable. */
    public static final String LICENCE_ENV = "MOSEKLM_LICENSE_FILE";

    /** The result for this JVM's class path and environment, computed on first use. */
    private static volatile State systemState;

    private final FusionLocator locator;
    private volatile State state;

    /** The provider of this JVM (class path, {@code -Dmosek.jar}, {@code MOSEK_JAR}). */
    public MosekProvider() {
        this.locator = null;
    }

    /** A provider that looks for Fusion with the given locator (tests, embedding). */
    MosekProvider(FusionLocator locator) {
        this.locator = Objects.requireNonNull(locator);
    }

    /** @return a provider that uses the given mosek.jar only (not the class path) */
    public static MosekProvider forJar(Path mosekJar) {
        return new MosekProvider(FusionLocator.ofJar(mosekJar));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MOSEK interior-point solver through its Fusion API (needs mosek.jar and a licence)";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        return state().availability();
    }

    @Override
    public SdpSolver create() {
        State s = state();
        if (!s.availability().available()) {
            throw new SolverUnavailableException("solver 'mosek' is not available: " + s.availability().reason());
        }
        return new MosekSolver(s.api());
    }

    private State state() {
        if (locator == null) {
            State s = systemState;
            if (s == null) {
                synchronized (MosekProvider.class) {
                    s = systemState;
                    if (s == null) {
                        s = check(FusionLocator.system(MosekProvider.class.getClassLoader()));
                        systemState = s;
                    }
                }
            }
            return s;
        }
        State s = state;
        if (s == null) {
            synchronized (this) {
                s = state;
                if (s == null) {
                    s = check(locator);
                    state = s;
                }
            }
        }
        return s;
    }

    /** Availability and, when available, the bound Fusion API. */
    record State(Availability availability, FusionApi api) {
    }

    static State check(FusionLocator locator) {
        try {
            FusionLocator.Location loc = locator.locate();
            if (!loc.found()) {
                return new State(Availability.no(loc.problem()), null);
            }
            FusionApi api;
            try {
                api = FusionApi.bind(loc.loader());
            } catch (FusionException e) {
                return new State(Availability.no("the MOSEK Fusion classes from " + loc.source() + " are incomplete ("
                        + e.getMessage() + "): use mosek.jar of a MOSEK 9 or later distribution"), null);
            }
            String problem = checkLicence(api);
            if (problem != null) {
                return new State(Availability.no(problem), null);
            }
            return new State(Availability.yes("MOSEK " + api.version() + ", Fusion from " + loc.source()), api);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return new State(Availability.no("the MOSEK availability check failed: " + t), null);
        }
    }

    /** @return null when a tiny problem solves, else what is wrong in words a user can act on */
    static String checkLicence(FusionApi api) {
        Object model;
        try {
            model = api.newModel("polysos-licence-check");
        } catch (LinkageError e) {
            return nativeProblem(e);
        } catch (FusionException e) {
            if (e.getCause() instanceof LinkageError le) {
                return nativeProblem(le);
            }
            return "MOSEK Fusion could not create a model: " + e.getMessage();
        }
        try {
            Object x = api.variable(model, 1, api.greaterThan(0.0));
            api.minimize(model, x);
            api.solve(model);
            String solsta = api.primalSolutionStatus(model);
            if (!"Optimal".equals(solsta)) {
                return licenceProblem("a one-variable test problem ended with solution status " + solsta);
            }
            return null;
        } catch (FusionException e) {
            if (e.getCause() instanceof LinkageError le) {
                return nativeProblem(le);
            }
            return licenceProblem(e.getCause() == null ? e.getMessage() : String.valueOf(e.getCause().getMessage()));
        } catch (LinkageError e) {
            return nativeProblem(e);
        } finally {
            try {
                api.dispose(model);
            } catch (RuntimeException | LinkageError ignored) {
                // nothing more can be done about a model that cannot be disposed
            }
        }
    }

    private static String nativeProblem(Throwable e) {
        return "the MOSEK native libraries could not be loaded (" + e + "): keep mosek.jar in its directory of the"
                + " MOSEK distribution (<MOSEK>/tools/platform/linux64x86/bin), next to libmosek64 and libmosekjava,"
                + " or add that directory to LD_LIBRARY_PATH (DYLD_LIBRARY_PATH on macOS, PATH on Windows)";
    }

    static String licenceProblem(String detail) {
        String env = System.getenv(LICENCE_ENV);
        Path deflt = Path.of(System.getProperty("user.home", "~"), "mosek", "mosek.lic");
        String where = env == null || env.isBlank()
                ? LICENCE_ENV + " is not set and the default " + deflt + (Files.exists(deflt) ? " exists" : " does not exist")
                : LICENCE_ENV + " is " + env;
        return "no MOSEK licence could be checked out (" + detail + "): set " + LICENCE_ENV
                + " to your licence file mosek.lic or licence server (port@host), default ~/mosek/mosek.lic; " + where;
    }
}
