package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static List<JobSpec> jobs(int n) {
        List<JobSpec> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new JobSpec(i, i + 1, "j" + i, "sdp", Path.of("x"), Map.of()));
        }
        return l;
    }

    @Test
    void shardsAreDisjointAndCoverTheJobFile() {
        for (int total : new int[] {0, 1, 7, 100}) {
            List<JobSpec> all = jobs(total);
            for (int n : new int[] {1, 2, 3, 7, 10, 150}) {
                Set<String> seen = new HashSet<>();
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    List<JobSpec> mine = new Shard(i, n).select(all);
                    sum += mine.size();
                    for (JobSpec j : mine) {
                        assertThat(seen.add(j.id())).as("job %s in two shards (N=%d)", j.id(), n).isTrue();
                    }
                }
                assertThat(sum).isEqualTo(total);
                assertThat(seen).hasSize(total);
            }
        }
    }

    @Test
    void parsesIOverN() {
        assertThat(Shard.parse("3/10")).isEqualTo(new Shard(3, 10));
        assertThatThrownBy(() -> Shard.parse("10/10")).hasMessageContaining("[0, 10)");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("I/N");
        assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("I/N");
    }

    @Test
    void takesTheShardFromSlurmArrayVariables() {
        assertThat(Shard.fromSlurm(Map.of())).isNull();
        assertThat(Shard.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "10")))
                .isEqualTo(new Shard(4, 10));
        assertThat(Shard.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_MAX", "8"))).isEqualTo(new Shard(4, 8));
        assertThatThrownBy(() -> Shard.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "5")))
                .hasMessageContaining("SLURM_ARRAY_TASK_COUNT");
    }
}
