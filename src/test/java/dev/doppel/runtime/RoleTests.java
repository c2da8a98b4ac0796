package dev.doppel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("no-database")
class RoleTests {

    @Test
    void onlyWorkerSkipsTheWebAndOnlyWebSkipsJobs() {
        assertThat(Role.ALL.servesWeb()).isTrue();
        assertThat(Role.ALL.runsJobs()).isTrue();
        assertThat(Role.WEB.servesWeb()).isTrue();
        assertThat(Role.WEB.runsJobs()).isFalse();
        assertThat(Role.WORKER.servesWeb()).isFalse();
        assertThat(Role.WORKER.runsJobs()).isTrue();
        assertThat(Role.WORKER.label()).isEqualTo("worker");
    }
}
