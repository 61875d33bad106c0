package io.polysos.nn;

import io.polysos.sdp.FuzzProperty;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the network-instance reader (Jazzer). Without
 * {@code JAZZER_FUZZ=1} it runs the inputs kept under
 * {@code src/test/resources/io/polysos/nn/NetworkInstanceFuzzTestInputs/instance/}.
 */
class NetworkInstanceFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void instance(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzProperty.check(data.length, IllegalArgumentException.class, () -> NetworkInstanceFormat.parse(text, "fuzz.json"));
    }
}
