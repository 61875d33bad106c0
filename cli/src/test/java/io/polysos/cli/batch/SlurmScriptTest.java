package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmScriptTest {

    @TempDir
    Path dir;

    private SlurmScript script(int tasks, String partition, String time, long mem, double grace, List<String> extra) {
        return new SlurmScript("/opt/p s/sweep.sh.jar", "/usr/bin/java", "/data/jobs.jsonl", "/data/it's results",
                "/data/results.summary.md", tasks, partition, time, mem, 2, grace, extra);
    }

    @Test
    void writesTheArrayHeaderAndRunsTheJarWithExplicitShards() {
        String text = script(8, "short", "1-12", 8192, 30, List.of("--timeout", "600.0")).text(20);
        assertThat(text).startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-7\n", "#SBATCH --cpus-per-task=2\n",
                "#SBATCH --mem=8192M\n", "#SBATCH --time=1-12\n", "#SBATCH --partition=short\n",
                "--shard \"$SLURM_ARRAY_TASK_ID/$tasks\" --resume --grace \"$grace\" --threads 2 --timeout 600.0",
                "-jar \"$jar\" batch", "--dependency=afterany:", "-Xmx6553m", "tasks=8\n",
                "jar='/opt/p s/sweep.sh.jar'", "out='/data/it'\\''s results'");
        assertThat(text).doesNotContain("./polysos");
    }

    @Test
    void leavesOutWhatWasNotAskedFor() {
        String text = script(3, null, null, 0, 30, List.of()).text(3);
        assertThat(text).doesNotContain("--partition", "--time", "--mem")
                .contains("java_opts=(${gc[@]+\"${gc[@]}\"} ${vector[@]+\"${vector[@]}\"} ${POLYSOS_JAVA_OPTS:-})");
    }

    @Test
    void rejectsBadOptionsWithTheirNames() {
        assertThatThrownBy(() -> script(0, null, null, 0, 30, List.of())).hasMessageContaining("--array");
        assertThatThrownBy(() -> script(2000, null, null, 0, 30, List.of())).hasMessageContaining("--array");
        assertThatThrownBy(() -> script(2, "a b", null, 0, 30, List.of())).hasMessageContaining("--partition");
        assertThatThrownBy(() -> script(2, null, "1:2:3:4", 0, 30, List.of())).hasMessageContaining("--time");
        assertThatThrownBy(() -> script(2, null, "0:00", 0, 30, List.of())).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> script(2, null, null, 0, 0, List.of())).hasMessageContaining("--grace");
        assertThatThrownBy(() -> SlurmScript.parseMemMegabytes("8X")).hasMessageContaining("--mem");
        assertThatThrownBy(() -> SlurmScript.parseMemMegabytes("0")).hasMessageContaining("--mem");
    }

    @Test
    void refusesLineBreaksInPaths() {
        assertThatThrownBy(() -> new SlurmScript("/j.jar", "/usr/bin/java", "/data/x\nrm -rf ~\n.jsonl", "/o",
                "/o.md", 1, null, null, 0, 1, 30, List.of())).hasMessageContaining("line break");
    }

    @Test
    void acceptsSlurmTimesAndMemoryUnits() {
        for (String t : List.of("90", "90:30", "2:00:00", "1-12", "1-12:30", "1-12:30:15", "UNLIMITED")) {
            SlurmScript.checkTime(t);
        }
        assertThat(SlurmScript.parseMemMegabytes("8G")).isEqualTo(8192);
        assertThat(SlurmScript.parseMemMegabytes("4000")).isEqualTo(4000);
        assertThat(SlurmScript.parseMemMegabytes("2048K")).isEqualTo(2);
        assertThat(SlurmScript.parseMemMegabytes("1t")).isEqualTo(1024 * 1024);
    }

    /** Runs the task branch of the script with a stand-in java that prints its arguments. */
    private String runTask(double grace, String killWait) throws Exception {
        return runTask(grace, killWait, Map.of());
    }

    private String runTask(double grace, String killWait, String javaOpts) throws Exception {
        return runTask(grace, killWait, javaOpts == null ? Map.of() : Map.of("POLYSOS_JAVA_OPTS", javaOpts));
    }

    /** As above, with these environment variables (POLYSOS_JAVA_OPTS and the JVM's own cleared first). */
    private String runTask(double grace, String killWait, Map<String, String> javaEnv) throws Exception {
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path scontrol = bin.resolve("scontrol");
        Files.writeString(scontrol, killWait == null ? "#!/bin/sh\nexit 1\n"
                : "#!/bin/sh\necho 'KillWait                = " + killWait + " sec'\n");
        Files.setPosixFilePermissions(scontrol, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("sweep.sh");
        Files.writeString(file, script(4, null, null, 0, grace, List.of()).text(9));
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("POLYSOS_JAVA", fakeJava.toString());
        env.put("SLURM_JOB_ID", "17");
        env.put("SLURM_ARRAY_TASK_ID", "3");
        env.remove("POLYSOS_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.putAll(javaEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void anArrayTaskRunsItsShardWithAGraceBelowKillWait() throws Exception {
        List<String> args = runTask(30, "10").lines().toList();
        assertThat(args).containsSubsequence("-jar", "/opt/p s/sweep.sh.jar", "batch", "/data/jobs.jsonl", "--out",
                "/data/it's results", "--shard", "3/4", "--resume", "--grace", "8");
        assertThat(runTask(30, null).lines().toList()).containsSubsequence("--grace", "24"); // default KillWait 30
        assertThat(runTask(5, "60").lines().toList()).containsSubsequence("--grace", "5");
        assertThat(runTask(30, "1").lines().toList()).containsSubsequence("--grace", "1");
    }

    @Test
    void anArrayTaskStartsJavaAsTheLauncherDoes() throws Exception {
        // the stand-in java accepts the module, so the task gets the SIMD kernels' module
        List<String> args = runTask(30, "10").lines().toList();
        assertThat(args).containsSubsequence("-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "-jar");
        // a collector named in POLYSOS_JAVA_OPTS replaces the serial one
        args = runTask(30, "10", "-Xmx1g -XX:+UseParallelGC").lines().toList();
        assertThat(args).doesNotContain("-XX:+UseSerialGC").containsSubsequence("-Xmx1g", "-XX:+UseParallelGC", "-jar");
        // so does one in the JVM's own environment variable (two collectors would stop the JVM)
        args = runTask(30, "10", Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC")).lines().toList();
        assertThat(args).doesNotContain("-XX:+UseSerialGC").contains("batch");
        // a java without the module (the probe fails) runs without it
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = -version ] && exit 1; done\n"
                + "for a in \"$@\"; do echo \"$a\"; done\n");
        Path file = dir.resolve("sweep.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        pb.environment().put("POLYSOS_JAVA", fakeJava.toString());
        pb.environment().put("SLURM_JOB_ID", "17");
        pb.environment().put("SLURM_ARRAY_TASK_ID", "3");
        pb.environment().remove("POLYSOS_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.lines().toList()).doesNotContain("--add-modules").contains("-XX:+UseSerialGC", "batch");
    }
}
