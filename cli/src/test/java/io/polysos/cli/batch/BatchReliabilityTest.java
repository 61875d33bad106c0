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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child-process tests of the batch: --resume reruns ERROR results, options are checked before
 * anything is created, and two batches on one folder share the work.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class BatchReliabilityTest {

    @TempDir
    Path dir;

    Path sdplib;
    Path out;

    @BeforeEach
    void setUp() {
        assumeTrue(SdpSolvers.discover().providers().stream()
                .anyMatch(p -> SdpSolvers.safeAvailability(p).available()), "no SDP backend on the class path");
        sdplib = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib");
        assumeTrue(Files.isDirectory(sdplib), "conformance data not found at " + sdplib);
        out = dir.resolve("results");
    }

    private Path jobFile(String name, int n, java.util.function.IntFunction<Path> input) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"id\": \"job-").append(i).append("\", \"kind\": \"sdp\", \"input\": \"")
                    .append(input.apply(i).toAbsolutePath()).append("\"}\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private record Run(int code, String log) {
    }

    private Process start(Path jobs, Path log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.polysos.cli.Main", "batch", jobs.toString(),
                "--out", out.toString(), "--progress-interval", "1"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Run run(Path jobs, String... extra) throws Exception {
        Path log = Files.createTempFile(dir, "log-", ".txt");
        int code = start(jobs, log, extra).waitFor();
        return new Run(code, Files.readString(log));
    }

    private static int ranHere(String log) {
        Matcher m = Pattern.compile("batch: ran (\\d+) jobs here").matcher(log);
        assertThat(m.find()).as("summary line in:%n%s", log).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void resumeRerunsErrorResultsAndSaysSo() throws Exception {
        Path inputs = dir.resolve("inputs");
        Files.createDirectories(inputs);
        Path jobs = jobFile("jobs.jsonl", 3, i -> inputs.resolve("p" + i + ".dat-s"));
        Run first = run(jobs);
        assertThat(first.code()).isEqualTo(1);
        ResultStore store = new ResultStore(out);
        for (int i = 0; i < 3; i++) {
            assertThat(store.stored("job-" + i).error()).isTrue();
        }
        // The missing inputs appear: --resume must run those jobs, not count them as done.
        for (int i = 0; i < 3; i++) {
            Files.copy(sdplib.resolve("control1.dat-s"), inputs.resolve("p" + i + ".dat-s"));
        }
        Run resumed = run(jobs, "--resume");
        assertThat(resumed.code()).as(resumed.log()).isEqualTo(0);
        assertThat(resumed.log()).contains("3 ERROR results are run again");
        assertThat(ranHere(resumed.log())).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode n = Json.mapper().readTree(Files.readString(store.resultFile("job-" + i)));
            assertThat(n.get("status").asText()).isNotEqualTo("ERROR");
        }
        // A second resume keeps the now complete results.
        Run again = run(jobs, "--resume");
        assertThat(again.code()).isEqualTo(0);
        assertThat(ranHere(again.log())).isZero();
    }

    @Test
    void badOptionsExitTwoBeforeCreatingTheResultFolder() throws Exception {
        Path jobs = jobFile("jobs.jsonl", 2, i -> sdplib.resolve("control1.dat-s"));
        String[][] bad = {{"--solver", "nope"}, {"--threads", "0"}, {"--timeout", "-1"}, {"--grace", "-5"},
            {"--progress-interval", "0"}, {"--shard", "3/2"}};
        for (String[] b : bad) {
            Run r = run(jobs, b);
            assertThat(r.code()).as("%s: %s", String.join(" ", b), r.log()).isEqualTo(2);
            assertThat(r.log()).as(String.join(" ", b)).contains(b[0].substring(2));
            assertThat(out).as(String.join(" ", b)).doesNotExist();
        }
        Files.writeString(jobs, "{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"x.dat-s\", "
                + "\"options\": {\"solver\": \"nope\"}}\n");
        Run r = run(jobs);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.log()).contains("jobs.jsonl:1").contains("unknown solver 'nope'");
        assertThat(out).doesNotExist();
    }

    @Test
    void anExistingFileAsOutIsRefusedWithTheReason() throws Exception {
        Path jobs = jobFile("jobs.jsonl", 1, i -> sdplib.resolve("control1.dat-s"));
        Files.writeString(out, "not a folder");
        Run r = run(jobs);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.log()).contains(out.toString()).contains("not a folder");
        assertThat(Files.readString(out)).isEqualTo("not a folder");
    }

    @Test
    void aBatchLeavesToAnotherRunningBatchTheJobsItHoldsOrHasDone() throws Exception {
        Path jobs = jobFile("jobs.jsonl", 6, i -> sdplib.resolve("control1.dat-s"));
        Files.createDirectories(out);
        ResultStore store = new ResultStore(out);
        // This test process plays the other batch: it runs job-0 now and has finished job-1.
        try (FolderClaims other = new FolderClaims(out, "other-run")) {
            FolderClaims.Claim running = other.claim("job-0");
            assertThat(running).isNotNull();
            store.write("job-1", new java.util.LinkedHashMap<>(java.util.Map.of("id", "job-1", "status", "OPTIMAL",
                    "start", java.time.Instant.now().minusSeconds(5).toString(), "batch", "other-run",
                    "complete", true)));
            Run r = run(jobs);
            assertThat(r.code()).as(r.log()).isEqualTo(0);
            assertThat(r.log()).contains("another batch is working on").contains("other-run")
                    .contains("left 2 to another batch");
            assertThat(ranHere(r.log())).isEqualTo(4);
            assertThat(store.isComplete("job-0")).isFalse();
            assertThat(store.stored("job-1").batch()).isEqualTo("other-run");
            running.close();
        }
        // The other batch is gone (it never wrote job-0): a resume runs job-0 only.
        Run r = run(jobs, "--resume");
        assertThat(r.code()).as(r.log()).isEqualTo(0);
        assertThat(ranHere(r.log())).isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            assertThat(store.isComplete("job-" + i)).isTrue();
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).hasSize(6).allMatch(f -> f.matches("job-\\d+\\.json"));
        }
    }
}
