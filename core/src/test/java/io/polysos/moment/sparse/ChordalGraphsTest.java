package io.polysos.moment.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChordalGraphsTest {

    private static BitSet[] graph(int n, int[][] edges) {
        BitSet[] adj = new BitSet[n];
        for (int v = 0; v < n; v++) {
            adj[v] = new BitSet();
        }
        for (int[] e : edges) {
            adj[e[0]].set(e[1]);
            adj[e[1]].set(e[0]);
        }
        return adj;
    }

    @Test
    void pathGivesItsEdgesAsCliquesInRunningIntersectionOrder() {
        List<int[]> c = ChordalGraphs.maximalCliquesOfMinimumDegreeExtension(
                graph(5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}}));
        assertThat(c).hasSize(4).allSatisfy(k -> assertThat(k).hasSize(2));
        assertThat(ChordalGraphs.hasRunningIntersection(c)).isTrue();
    }

    @Test
    void cycleOfSixIsTriangulatedIntoFourTriangles() {
        List<int[]> c = ChordalGraphs.maximalCliquesOfMinimumDegreeExtension(
                graph(6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}}));
        assertThat(c).hasSize(4).allSatisfy(k -> assertThat(k).hasSize(3));
        assertThat(ChordalGraphs.hasRunningIntersection(c)).isTrue();
    }

    @Test
    void randomGraphsGetCliquesCoveringEveryEdgeWithRunningIntersection() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 3 + rnd.nextInt(12);
            BitSet[] adj = graph(n, new int[0][]);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rnd.nextDouble() < 0.25) {
                        adj[i].set(j);
                        adj[j].set(i);
                    }
                }
            }
            List<int[]> cliques = ChordalGraphs.maximalCliquesOfMinimumDegreeExtension(adj);
            assertThat(ChordalGraphs.hasRunningIntersection(cliques)).isTrue();
            for (int i = 0; i < n; i++) {
                final int v = i;
                assertThat(cliques.stream().anyMatch(c -> java.util.Arrays.stream(c).anyMatch(x -> x == v))).isTrue();
                for (int j = adj[i].nextSetBit(0); j >= 0; j = adj[i].nextSetBit(j + 1)) {
                    final int u = j;
                    assertThat(cliques.stream().anyMatch(c -> java.util.Arrays.stream(c).anyMatch(x -> x == v)
                            && java.util.Arrays.stream(c).anyMatch(x -> x == u))).as("edge %d-%d", v, u).isTrue();
                }
            }
            // maximal: no clique inside another
            for (int a = 0; a < cliques.size(); a++) {
                for (int b = 0; b < cliques.size(); b++) {
                    if (a != b) {
                        BitSet sa = toSet(cliques.get(a));
                        sa.andNot(toSet(cliques.get(b)));
                        assertThat(sa.isEmpty()).as("clique inside another").isFalse();
                    }
                }
            }
        }
    }

    private static BitSet toSet(int[] c) {
        BitSet s = new BitSet();
        for (int v : c) {
            s.set(v);
        }
        return s;
    }

    @Test
    void componentsOfTwoPathsAndAnIsolatedVertex() {
        List<int[]> c = ChordalGraphs.connectedComponents(graph(6, new int[][] {{0, 2}, {2, 4}, {1, 3}}));
        assertThat(c).containsExactly(new int[] {0, 2, 4}, new int[] {1, 3}, new int[] {5});
    }
}
