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

    /** Problems given as files need no conformance data folder (it is looked up only for --set). */
    @Test
    void benchCompareOnFilesDoesNotNeedTheDataFolder() throws Exception {
        Path sdpa = dir.resolve("tiny.dat-s");
        Files.writeString(sdpa, "1\n1\n1\n1.0\n0 1 1 1 1.0\n1 1 1 1 1.0\n");
        String before = System.getProperty("polysos.data");
        System.setProperty("polysos.data", dir.resolve("no-such-folder").toString());
        try {
            CliRun b = CliRun.of("bench", "compare", "--solvers", "pure", "--repeat", "1",
                    "--out", dir.resolve("res").toString(), sdpa.toString());
            assertThat(b.exitCode()).as(b.err()).isEqualTo(ExitCodes.OK);
            assertThat(b.out()).contains("tiny");
        } finally {
            if (before == null) {
                System.clearProperty("polysos.data");
            } else {
                System.setProperty("polysos.data", before);
            }
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

    /** @return the lines of compare.csv of `bench compare --external pure-cold` on an SDPLIB problem */
    private java.util.List<String> compareWarmAndCold(String sdplibName) throws Exception {
        Path sdpa = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib", sdplibName + ".dat-s");
        assumeTrue(Files.exists(sdpa), "missing " + sdpa);
        Path res = dir.resolve("res-" + sdplibName);
        CliRun b = CliRun.of("bench", "compare", "--solvers", "pure", "--external", "pure-cold", "--repeat", "1",
                "--out", res.toString(), sdpa.toString());
        assertThat(b.exitCode()).as(b.err()).isEqualTo(ExitCodes.OK);
        return Files.readAllLines(res.resolve("compare.csv"));
    }

    @Test
    void benchCompareRunsTheColdColumnInAFreshJvmWithTheSameResult() throws Exception {
        var rows = compareWarmAndCold("truss1");
        // problem,backend,status,medianSeconds,iterations,objective,...: the same solve, once warm, once cold
        String[] warm = rows.stream().filter(l -> l.startsWith("truss1,pure,")).findFirst().orElseThrow().split(",");
        String[] cold = rows.stream().filter(l -> l.startsWith("truss1,pure-cold,")).findFirst().orElseThrow().split(",");
        assertThat(cold[2]).isEqualTo("OPTIMAL").isEqualTo(warm[2]);
        assertThat(cold[4]).isEqualTo(warm[4]);
        assertThat(Double.parseDouble(cold[5])).isCloseTo(Double.parseDouble(warm[5]),
                org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(Double.parseDouble(warm[5])))));
        assertThat(Double.parseDouble(cold[3])).isPositive();
    }

    @Test
    void theColdColumnOfAnInfeasibleProblemHasNoObjectiveRatherThanZero() throws Exception {
        var rows = compareWarmAndCold("infp1");
        String[] cold = rows.stream().filter(l -> l.startsWith("infp1,pure-cold,")).findFirst().orElseThrow().split(",", -1);
        assertThat(cold[2]).isEqualTo("INFEASIBLE");
        // the JSON says null; it was read as 0
        assertThat(cold[5]).isEmpty();
    }

    @Test
    void benchCompareRejectsAnUnknownExternalSolver() throws Exception {
        CliRun b = CliRun.of("bench", "compare", "--solvers", "pure", "--external", "sedumi", "--out", dir.toString(),
                "--problems", "truss1");
        assertThat(b.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(b.err()).contains("sedumi").contains("pure-cold").doesNotContain("\tat ");
    }

    @Test
    void benchCompareComparesCsdpOnlyAsTheOutsideSolver() throws Exception {
        CliRun b = CliRun.of("bench", "compare", "--solvers", "pure,csdp", "--out", dir.toString(),
                "--problems", "truss1");
        assertThat(b.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(b.err()).contains("use --external csdp").doesNotContain("\tat ");
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
