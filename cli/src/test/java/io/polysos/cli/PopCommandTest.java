package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopCommandTest {

    @TempDir
    Path dir;

    static Path data(String name) {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("pop").resolve(name);
    }

    @Test
    void certifiesTheBallHalfplaneProblemAsJson() throws Exception {
        CliRun r = CliRun.of("pop", data("ball-halfplane.json").toString(), "--solver", "pure", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(j.get("bound").asDouble()).isBetween(0.5 - 1e-6, 0.5 + 1e-6);
        assertThat(j.get("minimizers").get(0).get("point").get(0).asDouble()).isBetween(0.5 - 1e-5, 0.5 + 1e-5);
        assertThat(j.get("orders").get(0).has("ranks")).isTrue();
        assertThat(j.get("timings").has("solve")).isTrue();
    }

    @Test
    void boundOnlyWhenTheMaximumOrderIsTooLowToCertify() {
        CliRun r = CliRun.of("pop", data("gloptipoly-manual.json").toString(), "--solver", "pure", "--max-order", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NOT_OPTIMAL);
        assertThat(r.out()).contains("order 1:").contains("order 2:").contains("BOUND_ONLY");
    }

    @Test
    void unknownVariableIsBadInputNamingTheConstraint() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\":\"polysos-pop/1\",\"variables\":[\"x\"],\"minimize\":\"x\","
                + "\"subjectTo\":[\"x + q >= 0\"]}");
        CliRun r = CliRun.of("pop", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("subjectTo[0]").contains("'q'").doesNotContain("\tat ");
    }
}
