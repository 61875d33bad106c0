package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option checks of {@code batch --slurm-script} (the script itself: SlurmScriptTest, SlurmClusterIT). */
class SlurmScriptOptionsTest {

    @TempDir
    Path dir;

    Path jobs;

    @BeforeEach
    void jobFile() throws Exception {
        jobs = dir.resolve("jobs.jsonl");
        Files.writeString(jobs, "{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"a.dat-s\"}\n"
                + "{\"id\": \"b\", \"kind\": \"sdp\", \"input\": \"b.dat-s\"}\n");
    }

    private CliRun batch(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "batch";
        args[1] = jobs.toString();
        args[2] = "--out=" + dir.resolve("results");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(args);
    }

    @Test
    void scriptOptionsNeedTheScript() {
        CliRun r = batch("--array", "2");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--array only goes with --slurm-script");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void refusesShardWithTheScriptAndMoreTasksThanJobs() {
        Path s = dir.resolve("s.sh");
        assertThat(batch("--slurm-script", s.toString(), "--shard", "0/2").err()).contains("--shard does not go");
        assertThat(batch("--slurm-script", s.toString(), "--array", "3").err())
                .contains("--array 3 is more than the 2 jobs");
        assertThat(batch("--slurm-script", s.toString(), "--threads", "4", "--cpus-per-task", "2").err())
                .contains("disagree");
        assertThat(batch("--slurm-script", s.toString(), "--mem", "lots").err()).contains("--mem");
        assertThat(batch("--slurm-script", dir.resolve("no/such/s.sh").toString()).err()).contains("no such folder");
        assertThat(s).doesNotExist();
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void refusesABrokenJobFileBeforeWritingAnything() throws Exception {
        Files.writeString(jobs, "{\"id\": \"a\", \"kind\": \"nope\", \"input\": \"a\"}\n");
        Path s = dir.resolve("s.sh");
        CliRun r = batch("--slurm-script", s.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(s).doesNotExist();
    }
}
