package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code polysos batch --slurm-script} on a live SLURM cluster: the generated script is
 * submitted as a 4-task array with its summary job, and the results are compared with a
 * local single-process run of the same jobs; then arrays are cancelled (SIGTERM) and one task
 * is killed (SIGKILL) mid-run, and resubmitting completes every job exactly once.
 *
 * <p>Needs a cluster: {@code scripts/slurm-test-cluster.sh start}, then
 * {@code POLYSOS_TEST_SLURM_CONF} naming its slurm.conf ({@code .ci/run} does both and stops
 * the cluster afterwards); without it the test is skipped. It runs the shaded jar
 * (system property {@code polysos.jar}), so it is an integration test run by failsafe after
 * {@code package}. The timeouts are hang guards, not speed assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SlurmClusterIT {

    private static final int TASKS = 4;

    /** Fast jobs of the three kinds; shard k gets jobs k, k + 4, ... */
    private static final String[][] JOBS = {
        {"truss1", "sdp", "sdplib/truss1.dat-s"},
        {"six-hump", "pop", "pop/six-hump-camel.json"},
        {"example-3.4", "learn", "networks/paper-example-3.4.json"},
        {"qap5", "sdp", "sdplib/qap5.dat-s"},
        {"four-wells", "pop", "pop/four-wells.json"},
        {"truss4", "sdp", "sdplib/truss4.dat-s"},
        {"ball", "pop", "pop/ball-halfplane.json"},
        {"hinf1", "sdp", "sdplib/hinf1.dat-s"},
    };

    @TempDir
    static Path dir;

    Map<String, String> env;
    Path jar;
    Path jobs;
    Path out;
    Path script;
    Map<String, JsonNode> local;
    final List<String> submitted = new ArrayList<>();

    @BeforeAll
    void cluster() throws Exception {
        String conf = System.getenv("POLYSOS_TEST_SLURM_CONF");
        assumeTrue(conf != null && !conf.isBlank(), "no test SLURM cluster: run scripts/slurm-test-cluster.sh start "
                + "and set POLYSOS_TEST_SLURM_CONF to its slurm.conf (.ci/run does both)");
        assumeTrue(Files.isRegularFile(Path.of(conf)), "POLYSOS_TEST_SLURM_CONF: no such file: " + conf);
        env = Map.of("SLURM_CONF", conf);
        Run ping = run(List.of("scontrol", "ping"));
        assumeTrue(ping.code == 0 && ping.output.contains("UP"), "the test SLURM cluster does not answer: "
                + ping.output);
        jar = Path.of(System.getProperty("polysos.jar", "target/polysos.jar")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(jar), "the polysos jar is not built: " + jar);
        Path data = Path.of(System.getProperty("polysos.data", "../shared/data")).toAbsolutePath();
        assumeTrue(Files.isDirectory(data), "conformance data not found at " + data);

        StringBuilder sb = new StringBuilder();
        for (String[] j : JOBS) {
            sb.append("{\"id\": \"").append(j[0]).append("\", \"kind\": \"").append(j[1]).append("\", \"input\": \"")
                    .append(data.resolve(j[2])).append("\"}\n");
        }
        jobs = dir.resolve("jobs.jsonl");
        Files.writeString(jobs, sb.toString());
        out = dir.resolve("results");
        script = dir.resolve("sweep.sh");
        Run w = polysos("batch", jobs.toString(), "--out", out.toString(), "--slurm-script", script.toString(),
                "--array", Integer.toString(TASKS), "--cpus-per-task", "1", "--time", "10", "--mem", "1G");
        assertThat(w.code).as(w.output).isZero();
        assertThat(Files.readString(script)).contains("#SBATCH --array=0-3", "--resume", "-jar");

        // The reference: one local process, one job at a time.
        Path ref = dir.resolve("local");
        Run r = polysos("batch", jobs.toString(), "--out", ref.toString(), "--threads", "2");
        assertThat(r.code).as(r.output).isZero();
        local = results(ref);
        assertThat(local).hasSize(JOBS.length);
    }

    /** Cancels whatever this test submitted and left behind (a failed assertion, a timeout). */
    @AfterAll
    void cancelLeftovers() throws Exception {
        if (!submitted.isEmpty()) {
            run(List.of("scancel", String.join(",", submitted)));
        }
    }

    @Test
    @Order(1)
    void theArrayAndItsSummaryJobMatchALocalRun() throws Exception {
        // bash FILE --wait: submits the array and the summary job, waits for both, prints the summary.
        Submission s = submit("--wait");
        assertThat(s.output).contains("| kind | jobs | statuses");
        awaitGone(s.array, s.summary);
        assertThat(taskStates(s.array)).as("states of the array tasks").hasSize(TASKS).containsOnly("COMPLETED");
        Map<String, JsonNode> got = assertEveryJobExactlyOnce();
        for (String id : local.keySet()) {
            JsonNode a = got.get(id);
            JsonNode b = local.get(id);
            assertThat(a.get("status").asText()).as("status of %s", id).isEqualTo(b.get("status").asText());
            assertThat(a.get("host").asText()).isNotBlank();
            for (String f : List.of("primalObjective", "dualObjective", "bound", "bestFeasibleObjective", "theta")) {
                if (b.hasNonNull(f)) {
                    double x = a.get(f).asDouble();
                    double y = b.get(f).asDouble();
                    assertThat(Math.abs(x - y)).as("%s of %s: %s vs %s", f, id, x, y)
                            .isLessThanOrEqualTo(1e-8 * Math.max(1, Math.abs(y)));
                }
            }
        }
        // The summary job ran summarize on the array's results: same kinds, counts and statuses.
        Path summary = out.resolveSibling("results.summary.md");
        assertThat(summary).exists();
        Run localSummary = polysos("summarize", dir.resolve("local").toString());
        assertThat(localSummary.code).isZero();
        assertThat(statusTable(Files.readString(summary))).isEqualTo(statusTable(localSummary.output))
                .hasSize(3);
    }

    @Test
    @Order(2)
    void cancelledAndKilledTasksAreCompletedByResubmitting() throws Exception {
        clearResults();
        // scancel: SIGTERM to every task, SIGKILL KillWait seconds later; the batch stops within its grace.
        String first = sbatch();
        awaitResults(1, first);
        Run c = run(List.of("scancel", first));
        assertThat(c.code).as(c.output).isZero();
        awaitGone(first);
        assertThat(taskStates(first)).as("states of the cancelled tasks").contains("CANCELLED");
        Map<String, String> afterCancel = resultTexts();
        assertThat(afterCancel.size()).as("results before the cancel took effect").isLessThan(JOBS.length);

        // Resubmitted, and one task killed outright (scancel -s KILL) once it runs.
        String second = sbatch();
        String victim = awaitRunningTask(second);
        Thread.sleep(500);
        Run k = run(List.of("scancel", "-s", "KILL", victim));
        assertThat(k.code).as(k.output).isZero();
        awaitGone(second);
        String state = field(run(List.of("scontrol", "show", "job", victim)).output, "JobState");
        assertThat(state).as("state of the killed task %s", victim).isNotEqualTo("COMPLETED");
        Map<String, String> afterKill = resultTexts();
        assertThat(afterKill.size()).as("results after the kill").isLessThan(JOBS.length);

        // The same script again completes the set, and no job ran twice.
        String third = sbatch();
        awaitGone(third);
        assertEveryJobExactlyOnce();
        Map<String, String> done = resultTexts();
        afterCancel.forEach((id, text) -> assertThat(done.get(id)).as("result of %s", id).isEqualTo(text));
        afterKill.forEach((id, text) -> assertThat(done.get(id)).as("result of %s", id).isEqualTo(text));
    }

    // ---------------------------------------------------------------- helpers

    record Submission(String array, String summary, String output) {
    }

    record Run(int code, String output) {
    }

    private Submission submit(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(Arrays.asList(args));
        Run r = run(cmd);
        assertThat(r.code).as(r.output).isZero();
        Matcher a = Pattern.compile("array job (\\d+)").matcher(r.output);
        Matcher b = Pattern.compile("summary job (\\d+)").matcher(r.output);
        assertThat(a.find() && b.find()).as(r.output).isTrue();
        submitted.addAll(List.of(a.group(1), b.group(1)));
        return new Submission(a.group(1), b.group(1), r.output);
    }

    /** Submits the array alone (sbatch FILE). */
    private String sbatch() throws Exception {
        Run r = run(List.of("sbatch", "--parsable", script.toString()));
        assertThat(r.code).as(r.output).isZero();
        String id = r.output.strip().split(";")[0];
        submitted.add(id);
        return id;
    }

    private Run polysos(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(Arrays.asList(args));
        return run(cmd);
    }

    private Run run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env == null ? Map.of() : env);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        return new Run(p.waitFor(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Polls squeue until none of the jobs is pending or running. */
    private void awaitGone(String... ids) throws Exception {
        while (!run(List.of("squeue", "-h", "-o", "%i", "-j", String.join(",", ids))).output.isBlank()) {
            Thread.sleep(200);
        }
    }

    /** Polls until n results exist (or the array is gone). */
    private void awaitResults(int n, String array) throws Exception {
        while (resultTexts().size() < n) {
            if (run(List.of("squeue", "-h", "-o", "%i", "-j", array)).output.isBlank()) {
                break;
            }
            Thread.sleep(50);
        }
    }

    /** @return the id (ARRAY_TASK) of a running task of the array whose shard still has jobs to do */
    private String awaitRunningTask(String array) throws Exception {
        while (true) {
            String o = run(List.of("squeue", "-h", "-t", "R", "-o", "%i", "-j", array)).output.strip();
            Map<String, String> done = resultTexts();
            for (String id : o.lines().map(String::strip).toList()) {
                int task = Integer.parseInt(id.substring(id.indexOf('_') + 1));
                for (int j = task; j < JOBS.length; j += TASKS) {
                    if (!done.containsKey(JOBS[j][0])) {
                        return id;
                    }
                }
            }
            assertThat(run(List.of("squeue", "-h", "-o", "%i", "-j", array)).output)
                    .as("the array ended before a task with work to do was seen running").isNotBlank();
            Thread.sleep(50);
        }
    }

    /** @return JobState of every task of the array (finished jobs stay visible: MinJobAge) */
    private List<String> taskStates(String array) throws Exception {
        Run r = run(List.of("scontrol", "show", "job", array));
        List<String> states = new ArrayList<>();
        Matcher m = Pattern.compile("JobState=(\\S+)").matcher(r.output);
        while (m.find()) {
            states.add(m.group(1));
        }
        return states;
    }

    private static String field(String scontrolOutput, String name) {
        Matcher m = Pattern.compile(name + "=(\\S+)").matcher(scontrolOutput);
        return m.find() ? m.group(1) : "";
    }

    private void clearResults() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }

    /** @return file name to text of every complete-looking result file */
    private Map<String, String> resultTexts() throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return m;
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    m.put(name.substring(0, name.length() - 5), Files.readString(p));
                }
            }
        }
        return m;
    }

    private static Map<String, JsonNode> results(Path folder) throws IOException {
        Map<String, JsonNode> m = new HashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                JsonNode n = Json.mapper().readTree(Files.readString(p));
                m.put(n.get("id").asText(), n);
            }
        }
        return m;
    }

    /** Every job has one complete result named after it, with no ERROR, and nothing else is in the folder. */
    private Map<String, JsonNode> assertEveryJobExactlyOnce() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> expected = Arrays.stream(JOBS).map(j -> j[0] + ".json").sorted().toList();
            assertThat(names).as("files in the result folder (no temporaries)").isEqualTo(expected);
        }
        ResultStore store = new ResultStore(out);
        Map<String, JsonNode> m = results(out);
        for (String[] j : JOBS) {
            assertThat(store.isComplete(j[0])).as("result of %s is complete", j[0]).isTrue();
            assertThat(m.get(j[0]).get("status").asText()).as("status of %s", j[0]).isNotEqualTo("ERROR");
            assertThat(m.get(j[0]).get("kind").asText()).isEqualTo(j[1]);
        }
        return m;
    }

    /** @return per kind, "jobs | statuses" from summarize's Markdown table */
    private static Map<String, String> statusTable(String markdown) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : markdown.lines().toList()) {
            String[] c = line.split("\\|");
            if (c.length > 4 && List.of("sdp", "pop", "learn").contains(c[1].strip())) {
                m.put(c[1].strip(), c[2].strip() + " | " + c[3].strip());
            }
        }
        return m;
    }
}
