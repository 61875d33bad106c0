package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code ./polysos} launcher as child processes, in a copy of the
 * layout with stand-ins for mvn (slow, writes its jar in two steps, counts its calls) and
 * java (fails unless the jar it is given is complete), so the build-and-run race can be
 * exercised without a real build.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class LauncherProcessTest {

    @TempDir
    Path tmp;

    Path repo;
    Path bin;
    Path builds;

    @BeforeEach
    void layout() throws Exception {
        Path launcher = Path.of("..", "polysos").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(launcher), "launcher not found at " + launcher);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "no bash");
        repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("src"));
        Files.copy(launcher, repo.resolve("polysos"));
        repo.resolve("polysos").toFile().setExecutable(true);
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        Files.writeString(repo.resolve("src/A.java"), "class A {}\n");
        bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        builds = tmp.resolve("builds.txt");
        script("mvn", """
                #!/usr/bin/env bash
                echo build >> "$FAKE_BUILDS"
                name=polysos
                for a in "$@"; do case $a in -Dpolysos.jarName=*) name=${a#-Dpolysos.jarName=};; esac; done
                mkdir -p cli/target
                sleep 1
                printf part1 > "cli/target/$name.jar"
                sleep 0.5
                printf COMPLETE >> "cli/target/$name.jar"
                """);
        script("java", """
                #!/usr/bin/env bash
                # JVM options before -jar (the launcher's module options) are accepted.
                # Like the JVM, the first stderr line is the incubator notice when the module is added.
                modules=no
                opts=
                while [ $# -gt 0 ] && [ "$1" != -jar ]; do
                  case $1 in --add-modules) modules=yes; shift 2;; -*) opts="$opts $1"; shift;; *) echo "unexpected arguments: $*"; exit 9;; esac
                done
                if [ $modules = yes ]; then echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2; fi
                echo "modules: $modules"
                echo "options:$opts"
                echo "a message of the program" >&2
                [ "${1:-}" = -jar ] || { echo "no -jar argument"; exit 9; }
                c="$(cat "$2" 2>&1)"
                if [ "$c" = part1COMPLETE ]; then echo "ran ok"; exit 0; fi
                echo "incomplete jar: $c"; exit 1
                """);
    }

    private void script(String name, String text) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process start(Path log, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(repo.resolve("polysos").toString(), "--version"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_BUILDS", builds.toString());
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        pb.environment().remove("POLYSOS_NO_BUILD");
        pb.environment().putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private long buildCount() throws Exception {
        return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
    }

    private void runConcurrently(int n) throws Exception {
        List<Process> ps = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path log = Files.createTempFile(tmp, "log-", ".txt");
            logs.add(log);
            ps.add(start(log, Map.of()));
        }
        for (int i = 0; i < n; i++) {
            int code = ps.get(i).waitFor();
            String out = Files.readString(logs.get(i));
            assertThat(code).as(out).isEqualTo(0);
            assertThat(out).contains("ran ok");
        }
    }

    @Test
    void concurrentCallsBuildOnceAndNeverRunAHalfWrittenJar() throws Exception {
        runConcurrently(4);
        assertThat(buildCount()).isEqualTo(1);
        assertThat(repo.resolve("cli/target/polysos-next.jar")).doesNotExist();
        // Sources change: the next burst of calls rebuilds once more, the jar is replaced whole.
        Files.setLastModifiedTime(repo.resolve("cli/target/polysos.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        runConcurrently(4);
        assertThat(buildCount()).isEqualTo(2);
    }

    @Test
    void theIncubatorNoticeIsDroppedFromAPipedStderrAndNothingElse() throws Exception {
        runConcurrently(1); // build
        for (String vector : List.of("1", "0")) {
            ProcessBuilder pb = new ProcessBuilder(List.of(repo.resolve("polysos").toString(), "--version"));
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("FAKE_BUILDS", builds.toString());
            pb.environment().put("POLYSOS_VECTOR", vector);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.waitFor()).as(out + err).isZero();
            assertThat(out).contains("ran ok").contains(vector.equals("1") ? "modules: yes" : "modules: no");
            assertThat(err).doesNotContain("incubator").contains("a message of the program");
        }
    }

    @Test
    void theSerialCollectorUnlessTheJavaOptionsNameOne() throws Exception {
        runConcurrently(1); // build
        Map<String, String> cases = Map.of(
                "", " -XX:+UseSerialGC ",
                "-Xmx2g -XX:+UseCompressedOops", " -XX:+UseSerialGC ",
                "-Xmx2g -XX:+UseParallelGC", "-XX:+UseParallelGC",
                "-XX:+UseG1GC", "-XX:+UseG1GC");
        for (var c : cases.entrySet()) {
            Path log = Files.createTempFile(tmp, "gc-", ".txt");
            assertThat(start(log, Map.of("POLYSOS_JAVA_OPTS", c.getKey(), "POLYSOS_CDS", "0")).waitFor()).isZero();
            String options = Files.readAllLines(log).stream().filter(l -> l.startsWith("options:")).findFirst()
                    .orElseThrow() + " ";
            assertThat(options).as(c.getKey()).contains(c.getValue());
            if (!c.getValue().contains("Serial")) {
                assertThat(options).as(c.getKey()).doesNotContain("UseSerialGC");
            }
        }
        // the collector may also come from the JVM's own environment variable
        Path log = tmp.resolve("gc-tool.txt");
        assertThat(start(log, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseZGC", "POLYSOS_CDS", "0")).waitFor()).isZero();
        assertThat(Files.readString(log)).doesNotContain("UseSerialGC");
    }

    @Test
    void anArrayTaskNeverBuilds() throws Exception {
        Path log = tmp.resolve("task.txt");
        int code = start(log, Map.of("SLURM_ARRAY_TASK_ID", "3")).waitFor();
        assertThat(code).isEqualTo(2);
        assertThat(Files.readString(log)).contains("not built").contains("./polysos --version");
        assertThat(buildCount()).isZero();
        runConcurrently(1);
        assertThat(buildCount()).isEqualTo(1);
        // A stale jar inside an array task is used as is, with a warning.
        Files.setLastModifiedTime(repo.resolve("cli/target/polysos.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        code = start(log, Map.of("SLURM_ARRAY_TASK_ID", "3")).waitFor();
        assertThat(code).isEqualTo(0);
        assertThat(Files.readString(log)).contains("ran ok").contains("warning: sources are newer");
        code = start(log, Map.of("POLYSOS_NO_BUILD", "1")).waitFor();
        assertThat(code).isEqualTo(0);
        assertThat(buildCount()).isEqualTo(1);
    }
}
