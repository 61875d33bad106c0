package example;

import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.PopResult;
import io.polysos.nn.LearnOptions;
import io.polysos.nn.LearnResult;
import io.polysos.nn.PolynomialLearner;
import io.polysos.nn.Reproduction;
import io.polysos.poly.PolynomialParser;
import io.polysos.pop.Pop;
import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import java.util.Arrays;
import java.util.List;

/**
 * Uses polysos as a library: picks the SDP backend found on the class path, solves a small
 * polynomial program to a certified global minimum and learns the activation coefficients of
 * the paper's Example 3.4. Exits with 1 when a result is not certified. The code between the
 * [name] and [/name] markers is the README's "Library use" section (a test compares them).
 *
 * <p>Arguments: none for everything, {@code backends} for the backend choice only.
 */
public final class Consumer {

    private Consumer() {
    }

    public static void main(String[] args) {
        // [backends]
        // every backend on the class path, found by ServiceLoader; the default is the most
        // accurate available interior-point one (POLYSOS_SOLVER=NAME chooses another)
        SdpSolvers solvers = SdpSolvers.discover();
        for (SdpSolverProvider p : solvers.providers()) {
            Availability a = SdpSolvers.safeAvailability(p);
            System.out.println(p.name() + ": " + (a.available() ? "available" : "not available, " + a.reason()));
        }
        System.out.println("default: " + solvers.defaultName() + " (" + solvers.defaultReason() + ")");
        SdpSolver solver = solvers.getDefault();
        // [/backends]
        if (args.length > 0 && args[0].equals("backends")) {
            return;
        }

        // [pop]
        // minimize x^4 + y^4 - x^2 y^2 - x - y over the disc x^2 + y^2 <= 4
        List<String> xy = List.of("x", "y");
        Pop pop = Pop.builder(xy).name("quartic-on-disc")
                .minimize(PolynomialParser.parse("x^4 + y^4 - x^2*y^2 - x - y", xy))
                .subjectToNonnegative(PolynomialParser.parse("4 - x^2 - y^2", xy), "disc")
                .build();
        PopResult r = new MomentSosSolver(solver, HierarchyOptions.DEFAULTS).solve(pop);
        if (r.isCertified()) {
            r.minimizers().forEach(c -> System.out.println("minimizer " + Arrays.toString(c.point())
                    + ", f = " + c.objective()));
        } else {
            System.out.println(r.status() + ": lower bound " + r.bound() + ", gap " + r.gap());
        }
        // [/pop]

        // [learn]
        // the paper's Example 3.4: four activation coefficients from two exact samples
        LearnResult l = PolynomialLearner.learn(Reproduction.example34(), LearnOptions.DEFAULTS);
        System.out.println(l.status() + " at order " + l.order() + ": c = " + Arrays.toString(l.coefficients())
                + ", loss in [" + l.lowerBound() + ", " + l.upperBound() + "]");
        // [/learn]

        if (!r.isCertified() || !l.isCertified()) {
            System.exit(1);
        }
    }
}
