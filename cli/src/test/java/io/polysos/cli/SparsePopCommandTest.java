package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polysos generate} and {@code polysos pop --sparsity}. */
class SparsePopCommandTest {

    @TempDir
    Path dir;

    @Test
    void generatedChainedWoodIsCertifiedWithCorrelativeSparsityAndTheJsonReportsTheCliques() throws Exception {
        Path file = dir.resolve("wood.json");
        CliRun g = CliRun.of("generate", "chained-wood", "--n", "12", "-o", file.toString());
        assertThat(g.exitCode()).as(g.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(file)).contains("polysos-pop/1").contains("4 - x12^2 >= 0");
        CliRun r = CliRun.of("pop", file.toString(), "--solver", "pure", "--sparsity", "cs", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(j.get("sparsity").get("mode").asText()).isEqualTo("cs");
        assertThat(j.get("sparsity").get("flatnessTested").asBoolean()).isTrue();
        assertThat(j.get("certificate").asText()).isIn("flat-truncation", "both");
        assertThat(j.get("sparsity").get("cliques").get("count").asInt()).isEqualTo(11);
        JsonNode o = j.get("orders").get(0).get("sparsity");
        assertThat(o.get("cliques").asInt()).isEqualTo(11);
        assertThat(o.get("psdBlocks").asInt()).isEqualTo(11 + 12);
        assertThat(o.get("blockSizes").get("6").asInt()).isEqualTo(11);
        assertThat(o.get("denseMomentMatrixSize").asLong()).isEqualTo(91);
        assertThat(o.get("sdpVariables").asInt()).isLessThan(o.get("denseSdpVariables").asInt());
        assertThat(o.get("cliqueRanks")).hasSize(11);
        for (JsonNode x : j.get("minimizers").get(0).get("point")) {
            assertThat(x.asDouble()).isBetween(1 - 1e-3, 1 + 1e-3);
        }
    }

    @Test
    void textOutputPrintsTheSparsityOfEachOrder() throws Exception {
        Path file = dir.resolve("rosenbrock.json");
        assertThat(CliRun.of("generate", "rosenbrock", "--n", "6", "-o", file.toString()).exitCode()).isZero();
        // no flatness test under term sparsity: the gap to the verified bound (~1e-8 here) certifies at 1e-5
        CliRun r = CliRun.of("pop", file.toString(), "--solver", "pure", "--sparsity", "cs+ts", "--ts-step", "2",
                "--gap-tolerance", "1e-5");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("sparsity cs+ts step 1").contains("CERTIFIED").contains("certificate gap")
                .contains("and the verified bound");
    }

    @Test
    void underTermSparsityOnlyTheGapCertifiesAndTheJsonSaysSo() throws Exception {
        Path file = dir.resolve("rosenbrock.json");
        assertThat(CliRun.of("generate", "rosenbrock", "--n", "6", "-o", file.toString()).exitCode()).isZero();
        // a gap tolerance no solve reaches: the minimizer is a candidate, the run BOUND_ONLY
        CliRun r = CliRun.of("pop", file.toString(), "--solver", "pure", "--sparsity", "ts", "--max-order", "2",
                "--gap-tolerance", "1e-14", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NOT_OPTIMAL);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("BOUND_ONLY");
        assertThat(j.get("certificate").asText()).isEqualTo("none");
        assertThat(j.get("gapTolerance").asDouble()).isEqualTo(1e-14);
        assertThat(j.get("sparsity").get("flatnessTested").asBoolean()).isFalse();
        assertThat(j.get("sparsity").get("certificates").toString()).isEqualTo("[\"gap\"]");
        assertThat(j.get("gap").asDouble()).isGreaterThan(1e-14);
        assertThat(j.get("candidates")).isNotEmpty();
        for (JsonNode o : j.get("orders")) {
            assertThat(o.get("certified").asBoolean()).isFalse();
        }
        CliRun bad = CliRun.of("pop", file.toString(), "--gap-tolerance", "0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--gap-tolerance must be a positive number");
    }

    @Test
    void learnJsonReportsTheSparsityOfEachOrder() throws Exception {
        CliRun r = CliRun.of("learn", LearnCommandTest.network("paper-example-3.4.json"), "--json", "--solver", "pure",
                "--sparsity", "ts");
        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.NOT_OPTIMAL);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("sparsity").get("mode").asText()).isEqualTo("ts");
        // no flatness test under term sparsity: certified only by the gap to a verified bound
        if (!j.get("lowerBoundVerified").asBoolean()) {
            assertThat(j.get("status").asText()).isNotEqualTo("CERTIFIED");
        } else if (j.get("status").asText().equals("CERTIFIED")) {
            assertThat(j.get("certificate").asText()).isEqualTo("gap");
        }
        // the message quotes the note of the order it reports, not of a later unsolved step
        int reported = j.get("order").asInt();
        String note = "";
        for (JsonNode o : j.get("orders")) {
            if (o.get("order").asInt() == reported && o.hasNonNull("lowerBoundNote")) {
                note = o.get("lowerBoundNote").asText();
            }
        }
        if (!j.get("lowerBoundVerified").asBoolean()) {
            assertThat(j.get("message").asText()).doesNotContain("no solution").contains(note);
        }
        for (JsonNode o : j.get("orders")) {
            JsonNode s = o.get("sparsity");
            assertThat(s).as(o.toString()).isNotNull();
            assertThat(s.get("psdBlocks").asInt()).isPositive();
            assertThat(s.get("sdpVariables").asInt()).isLessThanOrEqualTo(s.get("denseSdpVariables").asInt());
            assertThat(s.get("largestBlock").asInt()).isLessThanOrEqualTo(s.get("denseMomentMatrixSize").asInt());
        }
        // the dense hierarchy reports no per-order sparsity
        JsonNode d = Json.mapper().readTree(CliRun.of("learn", LearnCommandTest.network("paper-example-3.4.json"),
                "--json", "--solver", "pure").out());
        assertThat(d.get("sparsity").get("mode").asText()).isEqualTo("none");
        assertThat(d.get("orders").get(0).get("sparsity")).isNull();
    }

    @Test
    void unknownSparsityIsBadInput() {
        CliRun r = CliRun.of("pop", PopCommandTest.data("ball-halfplane.json").toString(), "--sparsity", "xyz");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown sparsity 'xyz'");
    }

    @Test
    void unknownChainedProblemIsBadInput() {
        CliRun r = CliRun.of("generate", "nope", "--n", "5");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown chained problem 'nope'");
    }
}
