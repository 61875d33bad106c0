package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdpCommandTest {

    @TempDir
    Path dir;

    @Test
    void missingFileIsBadInputWithoutStackTrace() {
        CliRun r = CliRun.of("sdp", dir.resolve("absent.dat-s").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no such file").contains("absent.dat-s").doesNotContain("\tat ");
    }

    @Test
    void malformedFileNamesTheLine() throws Exception {
        Path f = dir.resolve("bad.dat-s");
        Files.writeString(f, "1\n1\n2\n1.0\n1 1 1 1 oops\n");
        CliRun r = CliRun.of("sdp", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("bad.dat-s:5").contains("oops").doesNotContain("\tat ");
    }

    @Test
    void debugFlagAddsTheStackTrace() throws Exception {
        Path f = dir.resolve("bad.dat-s");
        Files.writeString(f, "1\n1\n2\n");
        CliRun r = CliRun.of("sdp", "--debug", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("objective").contains("\tat ");
    }

    @Test
    void unknownSolverIsBadInputAndListsTheAlternatives() throws Exception {
        Path f = dir.resolve("ok.dat-s");
        Files.writeString(f, "1\n1\n2\n1.0\n1 1 1 1 1.0\n1 1 2 2 1.0\n0 1 1 2 1.0\n");
        CliRun r = CliRun.of("sdp", f.toString(), "--solver", "nosuch");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown solver 'nosuch'");
    }

    @Test
    void solverOptionsReachTheBackendAndUnknownOnesAreBadInput() throws Exception {
        Path f = dir.resolve("ok.dat-s");
        Files.writeString(f, "1\n1\n2\n1.0\n1 1 1 1 1.0\n1 1 2 2 1.0\n0 1 1 2 1.0\n");
        CliRun ok = CliRun.of("sdp", f.toString(), "--solver", "pure", "--solver-option", "start=mehrotra", "-v");
        assertThat(ok.exitCode()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.err()).contains("starting point: Mehrotra's");
        CliRun bad = CliRun.of("sdp", f.toString(), "--solver", "pure", "--solver-option", "strat=csdp");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("unknown pure setting 'strat'").doesNotContain("\tat ");
    }
}
