package io.polysos.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PopReaderTest {

    static String pop(String vars, String minimize, String subjectTo) {
        return "{\"format\":\"polysos-pop/1\",\"variables\":" + vars + ",\"minimize\":" + minimize
                + (subjectTo == null ? "" : ",\"subjectTo\":" + subjectTo) + "}";
    }

    @Test
    void readsTheGloptiPolyManualWithItsKnownValues() {
        Path dir = Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("pop");
        PopFile pf = PopReader.read(dir.resolve("gloptipoly-manual.json"));
        Pop p = pf.problem();
        assertThat(p.numVariables()).isEqualTo(3);
        assertThat(p.inequalities()).hasSize(8);
        assertThat(p.minimumOrder()).isEqualTo(1);
        assertThat(pf.knownOptimum().getAsDouble()).isEqualTo(-4.0);
        assertThat(pf.knownMinimizers()).hasSize(2);
        assertThat(pf.knownBoundsByOrder()).containsEntry(2, -5.6922);
        assertThat(p.objective().evaluate(new double[] {2, 0, 0})).isEqualTo(-4.0);
    }

    @Test
    void turnsRelationsIntoNonnegativeAndZeroPolynomials() {
        PopFile pf = PopReader.parse(pop("[\"x\",\"y\"]", "\"x\"", "[\"x >= y^2\", \"x <= 3\", \"x*y == 1\"]"));
        Pop p = pf.problem();
        double[] z = {2, 1};
        assertThat(p.inequalities().get(0).evaluate(z)).isEqualTo(1.0);
        assertThat(p.inequalities().get(1).evaluate(z)).isEqualTo(1.0);
        assertThat(p.equalities().get(0).evaluate(z)).isEqualTo(1.0);
        assertThat(p.inequalityLabels().get(0)).isEqualTo("x >= y^2");
    }

    @Test
    void namesTheConstraintAndPositionOfAnUnknownVariable() {
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x\"", "[\"x >= 0\", \"x + w <= 1\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subjectTo[1]").hasMessageContaining("position 4").hasMessageContaining("'w'");
    }

    @Test
    void rejectsNonPolynomialExpressions() {
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"1/x\"", null)))
                .hasMessageContaining("minimize").hasMessageContaining("position 2");
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x^-2\"", null))).hasMessageContaining("negative");
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x^1.5\"", null))).hasMessageContaining("fractional");
    }

    @Test
    void rejectsMissingRelationsAndStrictInequalities() {
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x\"", "[\"x - 1\"]")))
                .hasMessageContaining("subjectTo[0]").hasMessageContaining("no relation");
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x\"", "[\"x > 1\"]")))
                .hasMessageContaining("subjectTo[0]").hasMessageContaining("strict");
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"x\"", "[\"0 <= x <= 1\"]")))
                .hasMessageContaining("second relation");
    }

    @Test
    void rejectsEmptyProblemsAndMalformedJson() {
        assertThatThrownBy(() -> PopReader.parse(pop("[]", "\"1\"", null))).hasMessageContaining("variables");
        assertThatThrownBy(() -> PopReader.parse("{\"variables\":[\"x\"]}")).hasMessageContaining("minimize");
        assertThatThrownBy(() -> PopReader.parse(pop("[\"x\"]", "\"\"", null))).hasMessageContaining("empty");
        assertThatThrownBy(() -> PopReader.parse("{\"variables\": [\"x\"")).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> PopReader.parse("{\"format\":\"other/2\",\"variables\":[\"x\"],\"minimize\":\"x\"}"))
                .hasMessageContaining("format");
    }
}
