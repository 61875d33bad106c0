package io.polysos.sdp.mosek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SolverUnavailableException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MosekProviderTest {

    private static final UnaryOperator<String> NONE = k -> null;

    @BeforeEach
    void resetFake() {
        FakeFusionScript.reset();
    }

    private static MosekProvider provider(ClassLoader loader, Map<String, String> props) {
        return new MosekProvider(new FusionLocator(loader, props::get, NONE));
    }

    @Test
    void reportsMissingFusionClassesNamingTheJarAndTheVariable() {
        Availability a = provider(FakeFusionScript.emptyLoader(), Map.of()).availability();

        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("mosek.fusion.Model", "mosek.jar", "tools/platform/linux64x86/bin",
                "native libraries", "MOSEK_JAR");
    }

    @Test
    void reportsAJarSettingThatIsNotAFile() {
        Availability a = provider(FakeFusionScript.emptyLoader(), Map.of("mosek.jar", "/nonexistent/mosek.jar"))
                .availability();

        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("-Dmosek.jar", "/nonexistent/mosek.jar", "not a file");
    }

    @Test
    void reportsMissingLicenceWhenTheTestSolveFails() {
        FakeFusionScript.licenceOk = false;

        Availability a = provider(FakeFusionScript.loader(), Map.of()).availability();

        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("licence", "MOSEKLM_LICENSE_FILE", "~/mosek/mosek.lic", "License cannot be located");
        assertThat(FakeFusionScript.modelsDisposed).isEqualTo(FakeFusionScript.modelsCreated).isEqualTo(1);
    }

    @Test
    void reportsMissingNativeLibraries() {
        FakeFusionScript.nativeMissing = true;

        Availability a = provider(FakeFusionScript.loader(), Map.of()).availability();

        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("native libraries", "LD_LIBRARY_PATH", "UnsatisfiedLinkError");
    }

    @Test
    void isAvailableWithFusionAndALicenceAndCachesTheCheck() {
        MosekProvider p = provider(FakeFusionScript.loader(), Map.of());

        Availability first = p.availability();
        Availability second = p.availability();

        assertThat(first.available()).isTrue();
        assertThat(first.reason()).contains("0.0-fake");
        assertThat(second).isEqualTo(first);
        assertThat(FakeFusionScript.modelsCreated).isEqualTo(1);
        assertThat(FakeFusionScript.modelsDisposed).isEqualTo(1);
        assertThat(p.create().version()).isEqualTo("0.0-fake");
    }

    @Test
    void neverThrowsFromAvailability() {
        MosekProvider p = new MosekProvider(new FusionLocator(FakeFusionScript.emptyLoader(), k -> {
            throw new IllegalStateException("property lookup broke");
        }, NONE));

        Availability a = p.availability();

        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("property lookup broke");
    }

    @Test
    void refusesToCreateASolverWhenUnavailable() {
        MosekProvider p = provider(FakeFusionScript.emptyLoader(), Map.of());

        assertThatThrownBy(p::create).isInstanceOf(SolverUnavailableException.class).hasMessageContaining("mosek.jar");
    }

    @Test
    void isRegisteredAsAServiceWithNameAndPriority() {
        SdpSolverProvider found = ServiceLoader.load(SdpSolverProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("mosek")).findFirst().orElseThrow();

        assertThat(found).isInstanceOf(MosekProvider.class);
        assertThat(found.priority()).isEqualTo(30);
        assertThat(found.description()).contains("MOSEK");
    }
}
