package io.polysos.cli;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpaFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SdpaExportTest {

    @TempDir
    Path dir;

    private static Path data(String name) {
        Path p = Path.of(System.getProperty("polysos.data", "../shared/data"), "pop", name);
        assumeTrue(Files.exists(p), "missing " + p);
        return p;
    }

    @Test
    void popWritesTheRelaxationOfEveryOrderAndBenchCompareSolvesTheFile() throws Exception {
        Path out = dir.resolve("relax.dat-s");
        CliRun r = CliRun.of("pop", data("ball-halfplane.json").toString(), "--solver", "pure", "--export-sdpa",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("relax\\.k\\d+\\.dat-s")))
                    .isNotEmpty();
        }
        Path first;
        try (var files = Files.list(dir)) {
            first = files.filter(p -> p.getFileName().toString().startsWith("relax.k")).sorted().findFirst().orElseThrow();
        }
        SdpProblem p = SdpaFormat.read(first);
        assertThat(p.numVariables()).isPositive();

        Path keep = dir.resolve("kept");
        CliRun b = CliRun.of("bench", "compare", "--solvers", "pure", "--repeat", "1", "--keep", keep.toString(),
                "--out", dir.resolve("res").toString(), first.toString(), data("ball-halfplane.json").toString());
        assertThat(b.exitCode()).as(b.err()).isEqualTo(ExitCodes.OK);
        assertThat(b.out()).contains(first.getFileName().toString().replace(".dat-s", "")).contains("ball-halfplane@k");
        try (var files = Files.list(keep)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void aFixedOrderGoesToTheFileAsNamed() {
        Path out = dir.resolve("one.dat-s");
        CliRun r = CliRun.of("pop", data("ball-halfplane.json").toString(), "--solver", "pure", "--min-order", "1",
                "--max-order", "1", "--export-sdpa", out.toString());
        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.NOT_OPTIMAL);
        assertThat(out).exists();
    }

    @Test
    void benchCompareRejectsAFileOfUnknownKind() throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"hello\": 1}");
        CliRun b = CliRun.of("bench", "compare", "--solvers", "pure", "--out", dir.toString(), f.toString());
        assertThat(b.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(b.err()).contains("x.json").doesNotContain("\tat ");
    }
}
