package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

    @TempDir
    Path tmp;

    private static String network(String name) {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("networks").resolve(name).toString();
    }

    @Test
    void jsonOfExample34HasTheDocumentedFieldsAndTheCertifiedCoefficients() throws Exception {
        CliRun r = CliRun.of("learn", network("paper-example-3.4.json"), "--json", "--solver", "pure");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : new String[] {"status", "coefficients", "lowerBound", "upperBound", "gap", "order", "flat",
                "absErr", "refined", "orders", "timings", "solver"}) {
            assertThat(j.has(f)).as(f).isTrue();
        }
        for (String t : new String[] {"compile", "build", "solve", "extract", "total"}) {
            assertThat(j.get("timings").get(t).isNumber()).as(t).isTrue();
        }
        assertThat(j.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(j.get("order").asInt()).isEqualTo(2);
        assertThat(j.get("flat").asBoolean()).isTrue();
        double[] expected = {1, -2, 1, -1};
        for (int k = 0; k < 4; k++) {
            assertThat(j.get("coefficients").get(k).asDouble()).isCloseTo(expected[k], org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(j.get("absErr").asDouble()).isLessThan(1e-6);
        assertThat(j.get("orders")).hasSize(2);
        assertThat(j.get("orders").get(0).get("flatOrder").asInt()).isEqualTo(-1);
        assertThat(j.get("solver").asText()).startsWith("pure");
        assertThat(j.get("refined").has("loss")).isTrue();
    }

    @Test
    void anOrderAboveTheMemoryBudgetIsRefusedBeforeItIsBuiltWithTheNumbersAndWhatToDo() {
        CliRun r = CliRun.of("learn", network("t5-cubicquad-N50-m20.json"), "--order", "6", "--max-memory", "1G",
                "--solver", "pure");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("the order-6 relaxation (50387 variables; PSD blocks 1716, 330 (x40), 792)")
                .contains("needs about 38.8 GiB with the pure backend, more than the 1024 MiB memory budget")
                .contains("order 4 needs about 653 MiB").contains("--max-memory").doesNotContain("at io.polysos");
        CliRun bad = CliRun.of("learn", network("paper-example-3.4.json"), "--max-memory", "lots");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--max-memory must be a whole number");
    }

    @Test
    void notCertifiedIsExitCodeOneWithTheEstimate() throws Exception {
        CliRun r = CliRun.of("learn", network("paper-example-3.4.json"), "--order", "1", "--json", "--solver", "pure");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_OPTIMAL);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("BOUND_ONLY");
        assertThat(j.get("coefficients")).isEqualTo(j.get("momentEstimate"));
        assertThat(j.get("gap").asDouble()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void textOutputPrintsCoefficientsNextToTheTruth() {
        CliRun r = CliRun.of("learn", network("paper-example-3.4.json"), "--max-order", "2", "--solver", "pure");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("certified").contains("truth").contains("c1_1").contains("absErr");
    }

    @Test
    void baselineAddsTheFractionOfRandomStartsReachingTheOptimum() throws Exception {
        CliRun r = CliRun.of("learn", network("paper-example-3.4.json"), "--json", "--solver", "pure", "--baseline", "gd",
                "--baseline-runs", "3");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode b = new ObjectMapper().readTree(r.out()).get("baseline");
        assertThat(b.get("runs").asInt()).isEqualTo(3);
        assertThat(b.get("losses")).hasSize(3);
        assertThat(b.get("fractionReached").asDouble()).isEqualTo(b.get("reached").asInt() / 3.0);
    }

    @Test
    void badInstanceFileIsExitCodeTwoWithOneClearLine() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"polysos-network-instance/1\", \"weights\": [[[1, 2]], [[1]]], "
                + "\"activations\": [{\"degree\": 2}], \"inputs\": [[1, 2, 3]], \"outputs\": [[1]]}");
        CliRun r = CliRun.of("learn", bad.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("polysos: ");
        try (var s = Files.list(tmp)) {
            assertThat(s).containsExactly(bad);
        }
    }

    @Test
    void missingInstanceFileIsExitCodeTwo() {
        CliRun r = CliRun.of("learn", tmp.resolve("absent.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("absent.json");
    }

    @Test
    void anImpossibleOrderPrintsTheReasonOnTheHumanOutput() {
        CliRun r = CliRun.of("learn", network("paper-example-3.4.json"), "--order", "100");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("order-100 relaxation").contains("use a lower order");
        assertThat(r.out()).doesNotContain("NaN").doesNotContain("status: FAILED");
    }
}
