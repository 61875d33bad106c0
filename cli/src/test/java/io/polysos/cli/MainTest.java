package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void printsVersionAndExitsZero() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("polysos ");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("solvers").contains("sdp");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithExitCodeTwo() {
        CliRun r = CliRun.of("frobnicate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
