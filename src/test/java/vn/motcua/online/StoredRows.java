package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many dossiers and attachments are stored now, to show afterwards that a refused request stored none. */
final class StoredRows {

    private final JdbcTemplate jdbc;
    private final long dossiers;
    private final long attachments;

    private StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dossiers = count(jdbc, "dossier");
        this.attachments = count(jdbc, "attachment");
    }

    static StoredRows now(JdbcTemplate jdbc) {
        return new StoredRows(jdbc);
    }

    void assertNothingAdded() {
        assertDossiersAdded(0);
        assertThat(count(jdbc, "attachment")).as("attachments").isEqualTo(attachments);
    }

    void assertDossiersAdded(int n) {
        assertThat(count(jdbc, "dossier")).as("dossiers").isEqualTo(dossiers + n);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
