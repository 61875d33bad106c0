package io.polysos.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the SDPA reader (Jazzer). Without {@code JAZZER_FUZZ=1} it runs
 * the inputs kept in {@code src/test/resources/io/polysos/sdp/SdpaFormatFuzzTestInputs/sdpa/}
 * (seeds and former crashers) as a regression test; with it, it fuzzes for maxDuration.
 */
class SdpaFormatFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void sdpa(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        FuzzProperty.check(data.length, IllegalArgumentException.class, () -> SdpaFormat.parse(text, "fuzz.dat-s"));
    }
}
