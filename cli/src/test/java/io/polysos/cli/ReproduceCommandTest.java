package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void example34WritesCsvAndJsonWithTheDocumentedColumns() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("reproduce", "example-3.4", "--solver", "pure", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Example 3.4").contains("CERTIFIED");
        List<String> csv = Files.readAllLines(out.resolve("example-3.4.csv"));
        assertThat(csv.get(0).split(",")).contains("config", "absErr", "relErr", "time", "status", "gap");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("\"example-3.4\"").contains("CERTIFIED");
        JsonNode j = new ObjectMapper().readTree(out.resolve("example-3.4.json").toFile());
        JsonNode row = j.get("rows").get(0);
        assertThat(row.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(row.get("absErr").asDouble()).isLessThan(1e-6);
    }

    @Test
    void figure1WritesTheTwoResidualPlotsAndTheTable5Columns() throws Exception {
        Path out = tmp.resolve("fig");
        CliRun r = CliRun.of("reproduce", "figure1", "--solver", "pure", "--order", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        for (String f : new String[] {Plots.ENTRIES_FILE, Plots.NORMS_FILE}) {
            BufferedImage img = ImageIO.read(out.resolve(f).toFile());
            assertThat(img.getWidth()).isEqualTo(Plots.DEFAULT_WIDTH);
            assertThat(img.getHeight()).isEqualTo(Plots.DEFAULT_HEIGHT);
        }
        List<String> csv = Files.readAllLines(out.resolve("figure1.csv"));
        assertThat(csv.get(0).split(",")).contains("mse", "rmse");
        assertThat(csv).hasSize(2);
        JsonNode row = new ObjectMapper().readTree(out.resolve("figure1.json").toFile()).get("rows").get(0);
        assertThat(row.get("rmse").asDouble()).isCloseTo(Math.sqrt(row.get("mse").asDouble()),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(row.get("testResiduals")).hasSize(50);
        // the paper's values are named in the JSON and carried in the CSV, labelled in the table
        assertThat(row.get("paper").get("mse").isNumber()).isTrue();
        assertThat(row.get("paper").get("rmse").isNumber()).isTrue();
        List<String> header = List.of(csv.get(0).split(","));
        assertThat(header).contains("paperMse", "paperRmse");
        // the first cell is the quoted config (which may hold commas); the others are plain
        String rest = csv.get(1).substring(csv.get(1).indexOf("\",") + 2);
        String[] cells = rest.split(",", -1);
        assertThat(Double.parseDouble(cells[header.indexOf("paperMse") - 1])).isEqualTo(row.get("paper").get("mse").asDouble());
        assertThat(r.out()).contains("paper (reported)").contains("ours (this run)");
    }

    @Test
    void unknownTargetIsExitCodeTwoAndWritesNothing() throws Exception {
        Path out = tmp.resolve("none");
        CliRun r = CliRun.of("reproduce", "table9", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void progressIsABarOnATerminalAndALogLineOtherwise() {
        assertThat(ReproduceCommand.progress(1, 4, 2.0, true)).startsWith("\r[").contains("1/4").doesNotContain("\n");
        assertThat(ReproduceCommand.progress(4, 4, 2.0, true)).contains("#".repeat(ReproduceCommand.BAR_WIDTH));
        assertThat(ReproduceCommand.progress(1, 4, 2.0, false)).contains("1 of 4").endsWith(System.lineSeparator());
    }
}
