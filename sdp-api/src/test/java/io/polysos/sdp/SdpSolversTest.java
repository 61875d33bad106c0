package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdpSolversTest {

    /** A provider whose availability is fixed (or throws when reason is null and available is false). */
    private record FakeProvider(String name, int priority, boolean available, String reason, boolean eligibleAsDefault)
            implements SdpSolverProvider {
        FakeProvider(String name, int priority, boolean available, String reason) {
            this(name, priority, available, reason, true);
        }

        @Override
        public String description() {
            return "fake " + name;
        }

        @Override
        public String onRequestReason() {
            return "is a first-order method";
        }

        @Override
        public Availability availability() {
            if (!available && reason == null) {
                throw new IllegalStateException("probe crashed");
            }
            return available ? Availability.yes(reason) : Availability.no(reason);
        }

        @Override
        public SdpSolver create() {
            return new SdpSolver() {
                @Override
                public String name() {
                    return FakeProvider.this.name;
                }

                @Override
                public String version() {
                    return "1";
                }

                @Override
                public SdpSolution solve(SdpProblem problem, SdpOptions options) {
                    return SdpSolution.builder(SdpStatus.OPTIMAL).solver(name(), version()).build();
                }
            };
        }
    }

    private static final FakeProvider PURE = new FakeProvider("pure", 10, true, "embedded");
    /** A first-order backend: available, of higher priority than pure, but never the implicit default. */
    private static final FakeProvider SCS = new FakeProvider("scs", 20, true, "native 3.2.7", false);
    private static final FakeProvider SCS_MISSING = new FakeProvider("scs", 20, false, "no libscsdir", false);
    private static final FakeProvider MOSEK_LICENSED = new FakeProvider("mosek", 30, true, "licence found");
    private static final FakeProvider MOSEK = new FakeProvider("mosek", 30, false, "no licence found");
    private static final FakeProvider BROKEN = new FakeProvider("broken", 40, false, null);

    /** Runs the body with the system property set (or cleared when value is null), restoring it after. */
    private static void withProperty(String value, Runnable body) {
        String old = System.getProperty(SdpSolvers.SOLVER_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(SdpSolvers.SOLVER_PROPERTY);
            } else {
                System.setProperty(SdpSolvers.SOLVER_PROPERTY, value);
            }
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(SdpSolvers.SOLVER_PROPERTY);
            } else {
                System.setProperty(SdpSolvers.SOLVER_PROPERTY, old);
            }
        }
    }

    private static void assumeNoEnvironmentOverride() {
        assumeThat(System.getenv(SdpSolvers.SOLVER_PROPERTY))
                .as("the environment variable POLYSOS_SOLVER would override the default selection").isNull();
    }

    @Test
    void listsProvidersHighestPriorityFirst() {
        SdpSolvers r = SdpSolvers.of(List.of(PURE, MOSEK, BROKEN, SCS));
        assertThat(r.providers()).extracting(SdpSolverProvider::name).containsExactly("broken", "mosek", "scs", "pure");
        assertThat(r.loadFailures()).isEmpty();
    }

    @Test
    void defaultsToTheMostAccurateAvailableInteriorPointBackendNeverToAFirstOrderOne() {
        assumeNoEnvironmentOverride();
        withProperty(null, () -> {
            SdpSolvers r = SdpSolvers.of(List.of(PURE, MOSEK, BROKEN, SCS));
            assertThat(r.defaultName()).isEqualTo("pure");
            assertThat(r.getDefault().name()).isEqualTo("pure");
            assertThat(r.getOrDefault(" ").name()).isEqualTo("pure");
            assertThat(r.getOrDefault(null).name()).isEqualTo("pure");
            assertThat(r.getOrDefault("scs").name()).isEqualTo("scs");
            assertThat(r.defaultReason()).isEqualTo("the most accurate available interior-point backend;"
                    + " broken is unavailable; mosek is unavailable; scs is a first-order method, used only when named"
                    + " (--solver scs or POLYSOS_SOLVER=scs)");
            SdpSolvers withMosek = SdpSolvers.of(List.of(SCS, PURE, MOSEK_LICENSED));
            assertThat(withMosek.defaultName()).isEqualTo("mosek");
            assertThat(withMosek.defaultReason()).isEqualTo("the most accurate available interior-point backend;"
                    + " scs is a first-order method, used only when named (--solver scs or POLYSOS_SOLVER=scs)");
            assertThat(SdpSolvers.of(List.of(PURE, SCS_MISSING)).defaultReason()).isEqualTo("the most accurate"
                    + " available interior-point backend; scs (unavailable) is a first-order method, used only when"
                    + " named (--solver scs or POLYSOS_SOLVER=scs)");
            assertThat(SdpSolvers.of(List.of(PURE, MOSEK)).getDefault().name()).isEqualTo("pure");
        });
    }

    @Test
    void refusesToPickAFirstOrderBackendImplicitlyEvenWhenItIsTheOnlyOne() {
        assumeNoEnvironmentOverride();
        withProperty(null, () -> {
            SdpSolvers r = SdpSolvers.of(List.of(SCS, MOSEK));
            assertThatThrownBy(r::getDefault).isInstanceOf(SolverUnavailableException.class)
                    .hasMessage("no SDP solver is available as default (scs only when named: --solver NAME or"
                            + " POLYSOS_SOLVER=NAME); available: scs; unavailable: mosek (no licence found)");
            assertThat(r.get("scs").name()).isEqualTo("scs");
            assertThat(r.defaultReason()).startsWith("no default available; mosek is unavailable; scs is a first-order");
        });
    }

    @Test
    void picksAFirstOrderBackendWhenTheOverrideNamesIt() {
        withProperty("scs", () -> {
            SdpSolvers r = SdpSolvers.of(List.of(PURE, SCS));
            assertThat(r.defaultName()).isEqualTo("scs");
            assertThat(r.getDefault().name()).isEqualTo("scs");
            assertThat(r.defaultReason()).isEqualTo("chosen by POLYSOS_SOLVER (system property)");
        });
    }

    @Test
    void honoursTheSystemPropertyOverride() {
        withProperty(" PURE ", () -> {
            SdpSolvers r = SdpSolvers.of(List.of(PURE, SCS));
            assertThat(r.defaultName()).isEqualTo("pure");
            assertThat(r.getDefault().name()).isEqualTo("pure");
        });
        withProperty("mosek", () -> assertThatThrownBy(() -> SdpSolvers.of(List.of(PURE, MOSEK)).getDefault())
                .isInstanceOf(SolverUnavailableException.class)
                .hasMessage("solver 'mosek' is not available: no licence found; available: pure; unavailable: mosek"
                        + " (no licence found)"));
    }

    @Test
    void getsAProviderByNameIgnoringCaseAndBlanks() {
        SdpSolvers r = SdpSolvers.of(List.of(PURE, SCS));
        assertThat(r.get("pure").name()).isEqualTo("pure");
        assertThat(r.get(" SCS ").name()).isEqualTo("scs");
        assertThat(r.getOrDefault("pure").name()).isEqualTo("pure");
        assertThat(r.find("Pure")).contains(PURE);
        assertThat(r.find("cvx")).isEmpty();
        assertThat(r.get("pure").solve(null).solverName()).isEqualTo("pure");
    }

    @Test
    void explainsAnUnknownNameListingTheAvailableProvidersAndWhyOthersAreNot() {
        SdpSolvers r = SdpSolvers.of(List.of(PURE, MOSEK, SCS));
        assertThatThrownBy(() -> r.get("cvx")).isInstanceOf(SolverUnavailableException.class)
                .hasMessage("unknown solver 'cvx'; available: scs, pure; unavailable: mosek (no licence found)");
    }

    @Test
    void explainsAnUnavailableProviderWithItsReason() {
        SdpSolvers r = SdpSolvers.of(List.of(PURE, MOSEK));
        assertThatThrownBy(() -> r.get("mosek")).isInstanceOf(SolverUnavailableException.class)
                .hasMessage("solver 'mosek' is not available: no licence found; available: pure; unavailable: mosek"
                        + " (no licence found)");
    }

    @Test
    void reportsAProviderWhoseAvailabilityCheckThrowsAsUnavailable() {
        assertThat(SdpSolvers.safeAvailability(BROKEN).available()).isFalse();
        assertThat(SdpSolvers.safeAvailability(BROKEN).reason())
                .isEqualTo("availability check failed: java.lang.IllegalStateException: probe crashed");
        SdpSolvers r = SdpSolvers.of(List.of(BROKEN, PURE));
        assertThat(r.describeAll()).isEqualTo("available: pure; unavailable: broken (availability check failed:"
                + " java.lang.IllegalStateException: probe crashed)");
        assertThatThrownBy(() -> r.get("broken")).isInstanceOf(SolverUnavailableException.class)
                .hasMessageStartingWith("solver 'broken' is not available: availability check failed");
        assumeNoEnvironmentOverride();
        withProperty(null, () -> assertThat(r.defaultName()).isEqualTo("pure"));
    }

    @Test
    void saysNoSolverIsAvailableWhenEveryProviderIsUnavailable() {
        assumeNoEnvironmentOverride();
        withProperty(null, () -> assertThatThrownBy(() -> SdpSolvers.of(List.of(MOSEK, BROKEN)).getDefault())
                .isInstanceOf(SolverUnavailableException.class)
                .hasMessageStartingWith("no SDP solver is available; available: none; unavailable: broken (")
                .hasMessageContaining("mosek (no licence found)"));
    }

    @Test
    void discoversNoProviderOnThisModulesClassPathAndSaysSo() {
        assumeNoEnvironmentOverride();
        withProperty(null, () -> {
            SdpSolvers r = SdpSolvers.discover();
            assertThat(r.providers()).isEmpty();
            assertThat(r.loadFailures()).isEmpty();
            assertThat(r.describeAll()).isEqualTo("available: none");
            assertThatThrownBy(r::getDefault).isInstanceOf(SolverUnavailableException.class)
                    .hasMessage("no SDP solver is available (no backend on the class path: add polysos-sdp-pure,"
                            + " -scs, -mosek or -csdp); available: none");
        });
    }

    @Test
    void skipsAndReportsAProviderThatCannotBeLoaded(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SdpSolverProvider.class.getName()), "io.polysos.sdp.NoSuchProvider\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            SdpSolvers r = SdpSolvers.discover(loader);
            assertThat(r.providers()).isEmpty();
            assertThat(r.loadFailures()).hasSize(1);
            assertThat(r.loadFailures().get(0)).contains("io.polysos.sdp.NoSuchProvider");
            assertThat(r.describeAll()).startsWith("available: none; failed to load: ")
                    .contains("io.polysos.sdp.NoSuchProvider");
        }
    }
}
