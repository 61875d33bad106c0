package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polysos.sdp.SdpSolvers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproductionTest {

    @TempDir
    Path tmp;

    private static PrintStream sink(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    @Test
    void example34RowIsCertifiedWithItsColumnsInCsvAndJson() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<int[]> steps = new ArrayList<>();
        List<Reproduction.Row> rows = Reproduction.run("example-3.4", false, 1, LearnOptions.DEFAULTS, 0, tmp,
                sink(text), s -> { }, (d, t) -> steps.add(new int[] {d, t}));
        assertThat(rows).hasSize(1);
        Reproduction.Row r = rows.get(0);
        assertThat(r.status()).isEqualTo("CERTIFIED");
        assertThat(r.absErr()).isLessThan(1e-6);
        assertThat(r.gap()).isLessThan(1e-6);
        assertThat(r.gdReached()).isNaN();
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0)).containsExactly(1, 1);
        List<String> csv = Files.readAllLines(tmp.resolve("example-3.4.csv"));
        assertThat(csv.get(0)).startsWith("config,absErr,relErr,time,status,gap,mse,rmse");
        assertThat(csv.get(1)).contains("CERTIFIED");
        String json = Files.readString(tmp.resolve("example-3.4.json"));
        assertThat(json).contains("\"config\"").contains("\"absErr\"").contains("\"status\"").contains("\"gap\"");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("order 1").contains("order 2");
    }

    @Test
    void table5RowCarriesTestMseAndRmseFromItsResiduals() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Reproduction.Row> rows = Reproduction.run("table5", false, 3, LearnOptions.builder().order(2).solver(SdpSolvers.discover().get("pure")).build(), 2,
                tmp, sink(text), s -> { }, (d, t) -> { });
        Reproduction.Row r = rows.get(0);
        assertThat(r.testResiduals()).hasNumberOfRows(PaperExperiment.SIZES[0][0]);
        double[] norms = Metrics.rowNorms(r.testResiduals());
        double mse = 0;
        for (double v : norms) {
            mse += v * v / norms.length;
        }
        assertThat(r.mse()).isCloseTo(mse, within(1e-12 * (1 + mse)));
        assertThat(r.rmse()).isCloseTo(Math.sqrt(mse), within(1e-12 * (1 + mse)));
        assertThat(r.gdReached()).isBetween(0.0, 1.0);
        assertThat(r.gdTarget()).isIn("certified", "upperBound");
        List<String> csv = Files.readAllLines(tmp.resolve("table5.csv"));
        assertThat(csv.get(0).split(",")).contains("mse", "rmse", "gdReached");
        assertThat(csv).hasSize(2);
    }

    @Test
    void unknownTargetIsRejectedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> Reproduction.run("table7", false, 1, LearnOptions.DEFAULTS, 0, tmp,
                sink(new ByteArrayOutputStream()), s -> { }, (d, t) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table7");
        assertThat(tmp.toFile().list()).isEmpty();
    }
}
