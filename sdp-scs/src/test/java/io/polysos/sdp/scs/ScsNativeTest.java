package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How load failures are reported: needs no native SCS. */
class ScsNativeTest {

    private static final String DIR = "io/polysos/sdp/scs/internal";
    private static final UnsatisfiedLinkError JAVACPP = new UnsatisfiedLinkError("no jniScsLibrary in java.library.path");

    @Test
    void saysTheBackendWasBuiltWithoutScsWhenTheGlueIsMissing(@TempDir Path dir) throws IOException {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ScsNative.loadFailure(JAVACPP, cl, DIR, "jniScsLibrary", "linux-x86_64"))
                    .isEqualTo("this polysos was built without SCS (no " + DIR + "/linux-x86_64/"
                            + System.mapLibraryName("jniScsLibrary") + " on the class path; SCS_HOME was not set when it"
                            + " was built)");
        }
    }

    @Test
    void givesTheReasonTheBuildRecordedWhenItSkippedTheNativeBuild(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(DIR));
        Files.writeString(dir.resolve(DIR).resolve(ScsNative.SKIPPED_MARKER), "SCS_HOME=/opt/scs has no scs.h in include/scs/ or include/\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ScsNative.loadFailure(JAVACPP, cl, DIR, "jniScsLibrary", "linux-x86_64"))
                    .isEqualTo("the SCS backend was not built: SCS_HOME=/opt/scs has no scs.h in include/scs/ or include/");
        }
    }

    /** JavaCPP only says "no jniScsLibrary in java.library.path"; the loader's own message names the real problem. */
    @Test
    void reportsTheDynamicLoadersOwnErrorWhenTheGlueIsThereButDoesNotLoad(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve(DIR).resolve("test-platform").resolve(System.mapLibraryName("jniBroken"));
        Files.createDirectories(lib.getParent());
        Files.write(lib, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            String why = ScsNative.loadFailure(JAVACPP, cl, DIR, "jniBroken", "test-platform");
            assertThat(why).startsWith("the native SCS library did not load (").contains(System.mapLibraryName("jniBroken"))
                    .doesNotContain("java.library.path");
        }
        assertThat(ScsNative.realLoadError(lib)).isNotBlank().isNotEqualTo(JAVACPP.getMessage());
    }
}
