package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
