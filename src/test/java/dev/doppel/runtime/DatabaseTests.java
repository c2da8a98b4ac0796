package dev.doppel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Makes the CI's second pass provably run on PostgreSQL and the first on H2, with the schema Flyway made. */
@QuarkusTest
class DatabaseTests {

    @Inject
    DataSource dataSource;

    @Test
    void shouldRunOnTheDatabaseTheProfileAsksFor() throws Exception {
        boolean pg = System.getProperty("quarkus.test.profile", "test").contains("pg");
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(pg ? "PostgreSQL" : "H2");
            try (var rs = c.createStatement().executeQuery(
                    "select count(*) from \"flyway_schema_history\" where \"success\" = true")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }
}
