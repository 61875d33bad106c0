package io.polysos.moment;

import io.polysos.pop.Pop;
import io.polysos.pop.PopFile;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Shared fixtures of the moment tests: the conformance problems, the pure solver, small POPs. */
final class TestProblems {

    private TestProblems() {
    }

    static Path popDir() {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("pop");
    }

    static Stream<Path> popFiles() throws Exception {
        try (Stream<Path> s = Files.list(popDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static PopFile read(String name) {
        return PopReader.read(popDir().resolve(name));
    }

    static SdpSolver solver() {
        return SdpSolvers.discover().get("pure");
    }

    /**
     * A problem in the polysos-pop/1 syntax.
     *
     * @param variables comma-separated names
     * @param objective the polynomial to minimize
     * @param constraints constraints with {@code >=}, {@code <=} or {@code ==}
     */
    static Pop pop(String variables, String objective, String... constraints) {
        StringBuilder sb = new StringBuilder("{\"format\":\"polysos-pop/1\",\"name\":\"test\",\"variables\":[");
        String[] v = variables.split(",");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(v[i].strip()).append('"');
        }
        sb.append("],\"minimize\":\"").append(objective).append("\",\"subjectTo\":[");
        for (int i = 0; i < constraints.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(constraints[i]).append('"');
        }
        return PopReader.parse(sb.append("]}").toString()).problem();
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** @return the distance from known to the nearest minimizer of r */
    static double nearest(PopResult r, double[] known) {
        double best = Double.POSITIVE_INFINITY;
        for (CandidatePoint c : r.minimizers()) {
            best = Math.min(best, distance(known, c.point()));
        }
        return best;
    }
}
