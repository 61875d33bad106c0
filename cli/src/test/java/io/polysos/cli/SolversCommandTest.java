package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import io.polysos.sdp.SdpSolvers;
import org.junit.jupiter.api.Test;

class SolversCommandTest {

    @Test
    void listsEveryProviderFoundWithItsStatus() {
        CliRun r = CliRun.of("solvers");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        for (var p : SdpSolvers.discover().providers()) {
            assertThat(r.out()).contains(p.name());
        }
    }

    @Test
    void jsonListsTheSameProvidersAsTheRegistry() throws Exception {
        CliRun r = CliRun.of("solvers", "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode root = Json.mapper().readTree(r.out());
        assertThat(root.get("solvers").size()).isEqualTo(SdpSolvers.discover().providers().size());
        for (JsonNode s : root.get("solvers")) {
            assertThat(s.get("name").asText()).isNotEmpty();
            if (!s.get("available").asBoolean()) {
                assertThat(s.get("reason").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void defaultIsPureWithoutMosekAndScsOnlyOnRequestWhetherItIsBuiltOrNot() throws Exception {
        assumeThat(System.getenv(SdpSolvers.SOLVER_PROPERTY)).as("POLYSOS_SOLVER overrides the default").isNull();
        assumeThat(SdpSolvers.discover().find("mosek").map(p -> SdpSolvers.safeAvailability(p).available()))
                .as("a licensed MOSEK would be the default").contains(false);
        CliRun r = CliRun.of("solvers", "--json");
        JsonNode root = Json.mapper().readTree(r.out());
        assertThat(root.get("default").asText()).isEqualTo("pure");
        assertThat(root.get("defaultReason").asText()).startsWith("the most accurate available interior-point backend")
                .contains("scs").contains("used only when named (--solver scs or POLYSOS_SOLVER=scs)");
        for (JsonNode s : root.get("solvers")) {
            assertThat(s.get("eligibleAsDefault").asBoolean()).as(s.get("name").asText())
                    .isEqualTo(!s.get("name").asText().equals("scs") && !s.get("name").asText().equals("csdp"));
        }
        CliRun text = CliRun.of("solvers");
        assertThat(text.out()).contains("default: pure (the most accurate available interior-point backend")
                .containsPattern("(?m)^scs +(on request|unavailable) ");
    }

    @Test
    void eachBackendFitsOnOneShortLineAndTheDetailsComeWithVerbose() {
        CliRun r = CliRun.of("solvers");
        assertThat(r.exitCode()).isEqualTo(0);
        for (String line : r.out().lines().toList()) {
            if (line.startsWith("mosek") || line.startsWith("scs") || line.startsWith("pure")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(8 + 1 + 11 + 1 + SolversCommand.BRIEF_LENGTH);
            }
        }
        assertThat(r.out()).contains("polysos solvers --verbose");
        CliRun v = CliRun.of("solvers", "--verbose");
        assertThat(v.out().length()).isGreaterThan(r.out().length());
        assertThat(v.out()).contains("pure-Java primal-dual interior-point method (HKM direction");
    }

    @Test
    void briefKeepsTheFirstClauseWithoutAsides() {
        assertThat(SolversCommand.brief("the MOSEK Fusion classes (mosek.fusion.Model) are not on the class path: put "
                + "mosek.jar on it")).isEqualTo("the MOSEK Fusion classes are not on the class path");
        assertThat(SolversCommand.brief("this polysos was built without SCS (no lib; SCS_HOME was not set): build SCS"))
                .isEqualTo("this polysos was built without SCS");
        assertThat(SolversCommand.brief("x".repeat(200))).hasSize(SolversCommand.BRIEF_LENGTH);
    }
}
