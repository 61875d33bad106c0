package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    void redrawsOneLineInPlaceAndErasesItBeforeOtherOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusLine line = new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        line.show("  1 pobj=1");
        line.show("  2 pobj=2   " + "x".repeat(200));
        line.clear();
        line.clear();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertThat(s).startsWith("\r1 pobj=1\u001b[K\r2 pobj=2 x").endsWith("...\u001b[K\r\u001b[K");
        assertThat(s).doesNotContain("\n");
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        StatusLine off = new StatusLine(new PrintStream(none, true, StandardCharsets.UTF_8), false);
        off.show("x");
        off.clear();
        assertThat(none.size()).isZero();
    }

    /** A progress bar set as the prefix shares the line with the iterations; results printed erase it first. */
    @Test
    void aPrefixStaysInFrontOfTheIterationsAndResultsStartOnACleanLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();   // stdout and stderr on one terminal
        PrintStream both = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        StatusLine line = new StatusLine(both, true);
        PrintStream results = line.clearing(both);
        line.prefix("[###   ] 1/2");
        line.show("solving: 7 pobj=1");
        results.println("  order 2: bound 0.5");
        line.show("solving: 8 pobj=2");
        line.prefix("");
        line.clear();
        String s = terminal.toString(StandardCharsets.UTF_8);
        assertThat(s).contains("\r[###   ] 1/2\u001b[K").contains("\r[###   ] 1/2  solving: 7 pobj=1\u001b[K");
        // the result line follows an erase, never the bar's text
        assertThat(s).contains("\r\u001b[K  order 2: bound 0.5").doesNotContain("pobj=1  order");
        assertThat(s).endsWith("\r\u001b[K");
        StatusLine off = new StatusLine(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(off.clearing(System.out)).isSameAs(System.out);
    }

    /** A child process (the terminal detection is per process): iterations on stderr, stdout clean. */
    @Test
    void onATerminalTheIterationsShowOnStderrAndNeverOnStdout() throws Exception {
        for (String mode : new String[] {"always", "never"}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dpolysos.progress=" + mode, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sdp",
                    Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("sdplib/truss1.dat-s").toString(),
                    "--json"));
            Process p = new ProcessBuilder(cmd).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String o = new String(out, StandardCharsets.UTF_8);
            String e = new String(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(e).isEqualTo(0);
            assertThat(o.strip()).startsWith("{").endsWith("}").doesNotContain("\r").doesNotContain("pobj=");
            if (mode.equals("always")) {
                assertThat(e).contains("\rsolving: ").contains("pobj=").endsWith("\r\u001b[K");
            } else {
                assertThat(e).doesNotContain("pobj=");
            }
        }
    }
}
