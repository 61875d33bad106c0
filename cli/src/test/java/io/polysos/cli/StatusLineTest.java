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
