package io.polysos.cli.batch;

import io.polysos.sdp.FuzzProperty;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the batch job-file reader (Jazzer). Without {@code JAZZER_FUZZ=1}
 * it runs the inputs kept under
 * {@code src/test/resources/io/polysos/cli/batch/JobFileFuzzTestInputs/jobFile/}.
 */
class JobFileFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void jobFile(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzProperty.check(data.length, IllegalArgumentException.class, () -> JobFile.parse(text, Path.of("jobs.jsonl")));
    }
}
