package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import io.polysos.sdp.SdpSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code polysos batch} as a child process and kills it in the middle. */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class BatchProcessTest {

    private static final int JOBS = 24;

    @TempDir
    Path dir;

    Path jobs;
    Path out;

    @BeforeEach
    void writeJobFile() throws Exception {
        assumeTrue(SdpSolvers.discover().providers().stream()
                .anyMatch(p -> SdpSolvers.safeAvailability(p).available()), "no SDP backend on the class path");
        Path sdplib = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib");
        assumeTrue(Files.isDirectory(sdplib), "conformance data not found at " + sdplib);
        String[] problems = {"control1", "truss4", "truss3", "truss1"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < JOBS; i++) {
            String p = problems[i % problems.length];
            sb.append("{\"id\": \"job-").append(i).append("\", \"kind\": \"sdp\", \"input\": \"")
                    .append(sdplib.resolve(p + ".dat-s").toAbsolutePath()).append("\"}\n");
        }
        jobs = dir.resolve("jobs.jsonl");
        Files.writeString(jobs, sb.toString());
        out = dir.resolve("results");
    }

    private Process start(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.polysos.cli.Main", "batch", jobs.toString(),
                "--out", out.toString(), "--progress-interval", "1"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile(dir, "log-", ".txt").toFile()).start();
    }

    private long completeResults() throws Exception {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private void awaitResults(Process p, long n) throws Exception {
        while (completeResults() < n && p.isAlive()) {
            Thread.sleep(20);
        }
    }

    private void assertEveryJobHasExactlyOneCompleteResult() throws Exception {
        ResultStore store = new ResultStore(out);
        for (int i = 0; i < JOBS; i++) {
            assertThat(store.isComplete("job-" + i)).as("result of job-%d", i).isTrue();
            JsonNode n = Json.mapper().readTree(Files.readString(store.resultFile("job-" + i)));
            assertThat(n.get("id").asText()).isEqualTo("job-" + i);
            assertThat(n.get("status").asText()).isNotEqualTo("ERROR");
            assertThat(n.get("complete").asBoolean()).isTrue();
        }
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(JOBS).allMatch(f -> f.matches("job-\\d+\\.json"));
        }
    }

    @Test
    void resumeAfterAHardKillCompletesEveryJobExactlyOnce() throws Exception {
        Process p = start();
        awaitResults(p, 2);
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        long before = completeResults();
        assertThat(before).isLessThan(JOBS);
        Process r = start("--resume");
        assertThat(r.waitFor()).isEqualTo(0);
        assertEveryJobHasExactlyOneCompleteResult();
    }

    @Test
    void sigtermStopsWithItsOwnExitCodeAndResumeFinishes() throws Exception {
        Process p = start("--grace", "60");
        awaitResults(p, 1);
        p.destroy(); // SIGTERM
        int code = p.waitFor();
        if (completeResults() < JOBS) {
            assertThat(code).isEqualTo(143);
        }
        Process r = start("--resume");
        assertThat(r.waitFor()).isEqualTo(0);
        assertEveryJobHasExactlyOneCompleteResult();
    }

    @Test
    void aFailingJobGetsAnErrorResultAndTheOthersRun() throws Exception {
        Path bad = dir.resolve("bad.dat-s");
        Files.writeString(bad, "2\n1\n2\n1.0\n");
        Files.writeString(jobs, Files.readAllLines(jobs).get(0) + "\n"
                + "{\"id\": \"broken\", \"kind\": \"sdp\", \"input\": \"" + bad + "\"}\n"
                + "{\"id\": \"missing\", \"kind\": \"sdp\", \"input\": \"" + dir.resolve("nope.dat-s") + "\"}\n");
        Process p = start();
        assertThat(p.waitFor()).isEqualTo(1);
        ResultStore store = new ResultStore(out);
        assertThat(store.isComplete("job-0")).isTrue();
        JsonNode broken = Json.mapper().readTree(Files.readString(store.resultFile("broken")));
        assertThat(broken.get("status").asText()).isEqualTo("ERROR");
        assertThat(broken.get("error").asText()).contains("bad.dat-s");
        JsonNode missing = Json.mapper().readTree(Files.readString(store.resultFile("missing")));
        assertThat(missing.get("error").asText()).contains("not found").contains("line 3");
    }

    @Test
    void anInvalidJobFileRunsNothingAndExitsTwo() throws Exception {
        Files.writeString(jobs, Files.readString(jobs) + "{\"id\": \"job-0\", \"kind\": \"sdp\", \"input\": \"x\"}\n");
        Process p = start();
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
