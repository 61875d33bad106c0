package io.polysos.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registry of backends found through {@link ServiceLoader}. The default backend is the
 * available one of highest priority among those {@linkplain SdpSolverProvider#eligibleAsDefault()
 * eligible as default}, i.e. the most accurate interior-point backend ({@code mosek} &gt;
 * {@code pure}), unless the system property or environment variable {@value #SOLVER_PROPERTY}
 * names one (the property wins over the variable). A first-order backend ({@code scs}) is
 * never picked implicitly, whatever its priority: it runs only when named.
 */
public final class SdpSolvers {

    /** Name of the system property and environment variable that select the default backend. */
    public static final String SOLVER_PROPERTY = "POLYSOS_SOLVER";

    private static final int MAX_LOAD_FAILURES = 100;

    private final List<SdpSolverProvider> providers;
    /** Why providers listed in META-INF/services could not be loaded (empty for {@link #of}). */
    private final List<String> loadFailures;

    private SdpSolvers(List<SdpSolverProvider> providers) {
        this(providers, List.of());
    }

    private SdpSolvers(List<SdpSolverProvider> providers, List<String> loadFailures) {
        this.loadFailures = List.copyOf(loadFailures);
        List<SdpSolverProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(SdpSolverProvider::priority).reversed()
                .thenComparing(SdpSolverProvider::name));
        this.providers = List.copyOf(sorted);
    }

    /** @return the registry of the providers on the class path of this class's loader */
    public static SdpSolvers discover() {
        return discover(SdpSolvers.class.getClassLoader());
    }

    /** @return the registry of the providers visible to the given class loader */
    public static SdpSolvers discover(ClassLoader loader) {
        List<SdpSolverProvider> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ServiceLoader<SdpSolverProvider> sl = ServiceLoader.load(SdpSolverProvider.class, loader);
        var it = sl.iterator();
        // A provider that cannot even be instantiated is skipped (and reported by describeAll);
        // the others stay usable. The bound guards against an iterator that keeps failing.
        while (failures.size() < MAX_LOAD_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            }
        }
        return new SdpSolvers(found, failures);
    }

    /** @return a registry of the given providers (tests, embedding) */
    public static SdpSolvers of(List<SdpSolverProvider> providers) {
        return new SdpSolvers(providers);
    }

    /** @return every provider, available or not, highest priority first */
    public List<SdpSolverProvider> providers() {
        return providers;
    }

    /** @return the provider of that name (ignoring case and surrounding blanks), if known */
    public Optional<SdpSolverProvider> find(String name) {
        String n = name.trim();
        return providers.stream().filter(p -> p.name().equalsIgnoreCase(n)).findFirst();
    }

    /** @return why providers declared on the class path could not be loaded (empty when none failed) */
    public List<String> loadFailures() {
        return loadFailures;
    }

    /**
     * @return a solver of the named backend
     * @throws SolverUnavailableException when it is unknown or unavailable; the message lists
     *         the available backends and why the others are not
     */
    public SdpSolver get(String name) {
        SdpSolverProvider p = find(name).orElseThrow(() -> new SolverUnavailableException(
                "unknown solver '" + name + "'; " + describeAll()));
        Availability a = safeAvailability(p);
        if (!a.available()) {
            throw new SolverUnavailableException("solver '" + p.name() + "' is not available: " + a.reason()
                    + "; " + describeAll());
        }
        return p.create();
    }

    /** @return the name of the default backend, honouring {@value #SOLVER_PROPERTY} */
    public String defaultName() {
        String chosen = override();
        if (chosen != null) {
            return chosen.toLowerCase(Locale.ROOT);
        }
        Optional<SdpSolverProvider> p = implicitDefault();
        if (p.isPresent()) {
            return p.get().name();
        }
        List<String> onRequest = new ArrayList<>();
        for (SdpSolverProvider q : providers) {
            if (!q.eligibleAsDefault() && safeAvailability(q).available()) {
                onRequest.add(q.name());
            }
        }
        throw new SolverUnavailableException("no SDP solver is available"
                + (providers.isEmpty() ? " (no backend on the class path: add polysos-sdp-pure, -scs, -mosek or -csdp)" : "")
                + (onRequest.isEmpty() ? "" : " as default (" + String.join(", ", onRequest)
                        + " only when named: --solver NAME or " + SOLVER_PROPERTY + "=NAME)")
                + "; " + describeAll());
    }

    /**
     * @return in words why {@link #defaultName()} is what it is: the override that named it, or
     *         that it is the most accurate available interior-point backend, with the backends
     *         passed over and why (unavailable, or used only when named: {@link SdpSolverProvider#onRequestReason()})
     */
    public String defaultReason() {
        String chosen = override();
        if (chosen != null) {
            return "chosen by " + SOLVER_PROPERTY + " (" + (isBlank(System.getProperty(SOLVER_PROPERTY))
                    ? "environment variable" : "system property") + ")";
        }
        Optional<SdpSolverProvider> def = implicitDefault();
        List<String> passed = new ArrayList<>();
        for (SdpSolverProvider p : providers) {
            if (def.isPresent() && p == def.get()) {
                continue;
            }
            Availability a = safeAvailability(p);
            if (!p.eligibleAsDefault()) {
                passed.add(p.name() + (a.available() ? "" : " (unavailable)")
                        + " " + p.onRequestReason() + ", used only when named (--solver " + p.name() + " or "
                        + SOLVER_PROPERTY + "=" + p.name() + ")");
            } else if (!a.available() && (def.isEmpty() || p.priority() > def.get().priority())) {
                passed.add(p.name() + " is unavailable");
            }
        }
        String head = def.map(p -> "the most accurate available interior-point backend").orElse("no default available");
        return passed.isEmpty() ? head : head + "; " + String.join("; ", passed);
    }

    /** @return the available provider of highest priority that may be picked implicitly */
    private Optional<SdpSolverProvider> implicitDefault() {
        return providers.stream().filter(p -> p.eligibleAsDefault() && safeAvailability(p).available()).findFirst();
    }

    /** @return the trimmed value of {@value #SOLVER_PROPERTY} (property, then variable), or null */
    private static String override() {
        String chosen = System.getProperty(SOLVER_PROPERTY);
        if (isBlank(chosen)) {
            chosen = System.getenv(SOLVER_PROPERTY);
        }
        return isBlank(chosen) ? null : chosen.trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** @return a solver of the default backend */
    public SdpSolver getDefault() {
        return get(defaultName());
    }

    /** @return a solver of the named backend, or the default one when name is null or blank */
    public SdpSolver getOrDefault(String name) {
        return name == null || name.isBlank() ? getDefault() : get(name);
    }

    /** @return a description of every provider: "available: pure; unavailable: scs (reason); ..." */
    public String describeAll() {
        List<String> ok = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (SdpSolverProvider p : providers) {
            Availability a = safeAvailability(p);
            if (a.available()) {
                ok.add(p.name());
            } else {
                not.add(p.name() + " (" + a.reason() + ")");
            }
        }
        return "available: " + (ok.isEmpty() ? "none" : String.join(", ", ok))
                + (not.isEmpty() ? "" : "; unavailable: " + String.join("; ", not))
                + (loadFailures.isEmpty() ? "" : "; failed to load: " + String.join("; ", loadFailures));
    }

    /** @return the provider's availability; a provider that throws is reported unavailable */
    public static Availability safeAvailability(SdpSolverProvider p) {
        try {
            return p.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("availability check failed: " + e);
        }
    }
}
