package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkInstanceFormatTest {

    private static final String SMALL = """
            {"format": "polysos-network-instance/1", "name": "tiny",
             "weights": [[[1, 2], [3, 4]], [[1, -1]]],
             "activations": [{"degree": 2}],
             "inputs": [[1, 0], [0, 1]], "outputs": [[1], [2]] }
            """;

    @Test
    void readsExample34WithItsTruthAndLearnedLayout() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        assertThat(inst.network().depth()).isEqualTo(2);
        assertThat(inst.network().coefficientNames()).containsExactly("c1_1", "c1_2", "c2_0", "c2_1");
        assertThat(inst.truth().coefficients()).containsExactly(1, -2, 1, -1);
        assertThat(inst.train().size()).isEqualTo(2);
        assertThat(inst.test()).isNull();
        assertThat(inst.reference()).isNull();
    }

    @Test
    void example34TruthReproducesItsExactOutputs() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        for (int i = 0; i < 2; i++) {
            double[] f = inst.network().forward(inst.train().inputs()[i], inst.truth().coefficients());
            assertThat(f).containsExactly(inst.train().outputs()[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void keepsTheReferenceObjectAndTestSet() {
        NetworkInstance inst = TestData.network("t1-quadquad-N50-m20.json");
        assertThat(inst.referenceValue("lowerBound")).isPresent();
        assertThat(inst.test().size()).isEqualTo(50);
        assertThat(inst.truth().noiseSigma()).isEqualTo(0.01);
    }

    @Test
    void writesAndReadsBackTheSameInstance(@TempDir Path dir) throws IOException {
        NetworkInstance inst = TestData.network("t1-quadquad-N50-m20.json");
        Path f = dir.resolve("out/copy.json");
        NetworkInstanceFormat.write(inst, f);
        NetworkInstance back = NetworkInstanceFormat.read(f);
        assertThat(back.network().weight(2)).isDeepEqualTo(inst.network().weight(2));
        assertThat(back.train().outputs()).isDeepEqualTo(inst.train().outputs());
        assertThat(back.test().inputs()).isDeepEqualTo(inst.test().inputs());
        assertThat(back.truth().coefficients()).containsExactly(inst.truth().coefficients());
        assertThat(back.reference()).isEqualTo(inst.reference());
        try (var s = Files.list(f.getParent())) {
            assertThat(s).containsExactly(f);
        }
    }

    @Test
    void parsesAMinimalInstance() {
        NetworkInstance inst = NetworkInstanceFormat.parse(SMALL, "tiny.json");
        assertThat(inst.network().coefficientNames()).containsExactly("c1_0", "c1_1", "c1_2");
        assertThat(inst.truth()).isNull();
    }

    @Test
    void namesTheRaggedWeightRow() {
        String bad = SMALL.replace("[[1, 2], [3, 4]]", "[[1, 2], [3]]");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "bad.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("W_1").hasMessageContaining("row 1");
    }

    @Test
    void namesTheLayerWhoseShapeDoesNotChain() {
        String bad = SMALL.replace("[[1, -1]]", "[[1, -1, 2]]");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "bad.json"))
                .hasMessageContaining("W_2").hasMessageContaining("3 columns");
    }

    @Test
    void namesTheSampleOfWrongLength() {
        String bad = SMALL.replace("\"inputs\": [[1, 0], [0, 1]]", "\"inputs\": [[1, 0], [0, 1, 2]]");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "bad.json"))
                .hasMessageContaining("inputs, sample 1");
    }

    @Test
    void rejectsSampleCountMismatch() {
        String bad = SMALL.replace("\"outputs\": [[1], [2]]", "\"outputs\": [[1]]");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "bad.json"))
                .hasMessageContaining("2 samples").hasMessageContaining("outputs has 1");
    }

    @Test
    void rejectsNonNumericEntries() {
        String bad = SMALL.replace("[[1], [2]]", "[[1], [\"x\"]]");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "bad.json"))
                .hasMessageContaining("outputs, sample 1, entry 0 must be a number");
    }

    @Test
    void rejectsWrongFormatTagAndUnknownFields() {
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(SMALL.replace("instance/1", "instance/2"), "f"))
                .hasMessageContaining("'format'");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(SMALL.replace("\"name\"", "\"nmae\""), "f"))
                .hasMessageContaining("unknown field 'nmae'");
    }

    @Test
    void rejectsActivationCountMismatchAndBadDegree() {
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(
                SMALL.replace("[{\"degree\": 2}]", "[{\"degree\": 2}, {\"degree\": 1}]"), "f"))
                .hasMessageContaining("weight matrices");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(SMALL.replace("\"degree\": 2", "\"degree\": -1"), "f"))
                .hasMessageContaining("activations[0] (layer 1)");
    }

    @Test
    void rejectsTruthOfWrongLength() {
        String bad = SMALL.replace("\"outputs\": [[1], [2]]", "\"outputs\": [[1], [2]], \"truth\": {\"coefficients\": [1, 2]}");
        assertThatThrownBy(() -> NetworkInstanceFormat.parse(bad, "f"))
                .hasMessageContaining("truth.coefficients has 2 entries").hasMessageContaining("learns 3");
    }

    @Test
    void reportsInvalidJsonWithItsLine() {
        assertThatThrownBy(() -> NetworkInstanceFormat.parse("{\"format\": \n ,", "broken.json"))
                .hasMessageContaining("broken.json: not valid JSON").hasMessageContaining("line 2");
    }
}
