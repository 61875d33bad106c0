package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output a reader can follow: labelled numbers, complete help, the command echoed as given. */
class ReadableOutputTest {

    @TempDir
    Path tmp;

    static String sdplib(String name) {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("sdplib").resolve(name).toString();
    }

    @Test
    void dimacsNumbersAreLabelled() {
        CliRun r = CliRun.of("sdp", sdplib("truss1.dat-s"));
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).containsPattern("err1 \\S+ \\(equality residual of Y\\)").contains("err6")
                .contains("(complementarity <S, Y>)");
    }

    @Test
    void benchHelpShowsTheWholeDescriptionOfCompare() {
        CliRun r = CliRun.of("bench", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("median time, iterations, status, objective error, DIMACS errors.");
    }

    @Test
    void orderZeroMeaningAutomaticIsInTheHelp() {
        assertThat(CliRun.of("learn", "--help").out().replaceAll("\\s+", " ")).contains("0 (the default) means automatic");
        assertThat(CliRun.of("pop", "--help").out().replaceAll("\\s+", " ")).contains("0 (the default) means automatic");
    }

    @Test
    void benchCompareEchoesEveryOptionGiven() throws Exception {
        Path out = tmp.resolve("bench");
        CliRun r = CliRun.of("bench", "compare", "--solvers", "pure", "--set", "sdplib", "--problems", "truss1",
                "--repeat", "1", "--time-limit", "60", "--threads", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        String md = Files.readString(out.resolve("compare.md"));
        assertThat(md).contains("command: polysos bench compare --solvers pure --set sdplib --problems truss1 --repeat 1 "
                + "--time-limit 60 --threads 1 --out " + out);
    }
}
