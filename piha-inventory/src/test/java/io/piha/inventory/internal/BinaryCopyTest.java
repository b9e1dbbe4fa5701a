package io.piha.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.testkit.postgres.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every value the binary writer sends is stored as PostgreSQL's own text input stores the same value, on a real
 * server; a short, long or refused row stores nothing.
 */
class BinaryCopyTest {

    static final String COPY = "COPY v (i, u, t, j, ts, m, a) FROM STDIN (FORMAT binary)";
    static Handle h;

    @BeforeAll
    static void connect() {
        h = Jdbi.create(TestDatabase.freshSchema()).open();
        h.execute("CREATE TABLE v (n serial, i integer, u uuid, t text, j jsonb, ts timestamptz, m macaddr, a inet,"
                + " k json, CHECK (t IS DISTINCT FROM 'refused'))");
    }

    @AfterAll
    static void close() {
        h.close();
    }

    @BeforeEach
    void empty() {
        h.execute("TRUNCATE v");
    }

    @Test
    void eachTypeIsStoredAsItsTextFormWouldBe() throws SQLException {
        UUID id = UUID.fromString("0192f0c4-7d3e-7a81-9c2b-5e6f7a8b9c0d");
        List<Object[]> values = List.of(
                new Object[] {-7, id, "plain", "{\"a\": [1, \"two\", null]}", "2026-11-22T08:30:15.123456Z",
                              "00:16:3e:0a:0b:0c", "192.168.1.20"},
                new Object[] {Integer.MAX_VALUE, new UUID(-1L, -1L), "Küche — ☕ \"quoted\"\ttab", "{\"ü\": \"ö\"}",
                              "1999-12-31T23:59:59.999999Z", "ff:ff:ff:ff:ff:ff", "2001:db8::1"},
                new Object[] {0, new UUID(0L, 0L), "", "[]", "1970-01-01T00:00:00Z", "02:00:00:00:00:01", "::ffff:10.0.0.1"});
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            for (Object[] v : values) {
                copy.row(7).int4((Integer) v[0]).uuid((UUID) v[1]).text((String) v[2]).jsonb((String) v[3])
                        .timestamptz(Instant.parse((String) v[4])).macaddr(MacAddress.parse((String) v[5]))
                        .inet(IpAddress.parse((String) v[6]));
            }
            assertThat(copy.finish()).isEqualTo(3);
        }
        for (Object[] v : values) {
            boolean same = h.createQuery("""
                    SELECT i = :i AND u = CAST(:u AS uuid) AND t = :t AND j = CAST(:j AS jsonb)
                       AND ts = CAST(:ts AS timestamptz) AND m = CAST(:m AS macaddr) AND a = CAST(:a AS inet)
                    FROM v WHERE i = :i""")
                    .bind("i", (Integer) v[0]).bind("u", v[1].toString()).bind("t", (String) v[2])
                    .bind("j", (String) v[3]).bind("ts", (String) v[4]).bind("m", (String) v[5])
                    .bind("a", IpAddress.parse((String) v[6]).value()).mapTo(Boolean.class).one();
            assertThat(same).as("row %s", List.of(v)).isTrue();
        }
        assertThat(h.createQuery("SELECT family(a) || '/' || masklen(a) FROM v ORDER BY n").mapTo(String.class).list())
                // an IPv4-mapped IPv6 literal is the IPv4 address to IpAddress, as it was when the value went as text
                .containsExactly("4/32", "6/128", "4/32");
    }

    @Test
    void jsonDocumentsAreWrittenIntoTheRowAndStoredAsTheirTextWouldBe() throws SQLException {
        String big = "x".repeat(100_000); // larger than the copy's buffer, which must grow under the document
        try (BinaryCopy copy = BinaryCopy.start(h, "COPY v (i, j, k) FROM STDIN (FORMAT binary)")) {
            for (String text : new String[] {"Küche — ☕ \"quoted\"\ttab\n", big}) {
                copy.row(3).int4(text.length()).jsonb(json -> {
                    json.writeStartObject();
                    json.writeStringField("name", text);
                    json.writeNullField("zone");
                    json.writeArrayFieldStart("macs");
                    json.writeString("00:16:3e:0a:0b:0c");
                    json.writeEndArray();
                    json.writeEndObject();
                }).json(json -> json.writeString(text));
            }
            assertThat(copy.finish()).isEqualTo(2);
        }
        for (String text : new String[] {"Küche — ☕ \"quoted\"\ttab\n", big}) {
            Map<String, Object> row = h.createQuery("SELECT j ->> 'name' AS name, j -> 'zone' = 'null'::jsonb AS zone,"
                    + " j -> 'macs' ->> 0 AS mac, k #>> '{}' AS k FROM v WHERE i = :i").bind("i", text.length())
                    .mapToMap().one();
            assertThat(row).containsEntry("name", text).containsEntry("zone", true)
                    .containsEntry("mac", "00:16:3e:0a:0b:0c").containsEntry("k", text);
        }
    }

    @Test
    void nullsAndSubMicrosecondTimesAreStoredAsTheTextInputWouldStoreThem() throws SQLException {
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            copy.row(7).int4(1).nul().text(null).nul().timestamptz(Instant.parse("2026-01-01T00:00:00.0000015Z"))
                    .nul().nul();
            copy.row(7).int4(2).nul().nul().nul().timestamptz(Instant.parse("1901-06-30T12:00:00.0000004Z"))
                    .nul().nul();
            copy.row(7).int4(3).nul().nul().nul().timestamptz(Instant.parse("2026-01-01T00:00:00.0000025Z"))
                    .nul().nul();
            copy.finish();
        }
        Map<String, Object> first = h.createQuery("SELECT u, t, j, m, a,"
                + " ts = CAST('2026-01-01 00:00:00.0000015+00' AS timestamptz) AS same_time FROM v WHERE i = 1")
                .mapToMap().one();
        assertThat(first).containsEntry("u", null).containsEntry("t", null).containsEntry("j", null)
                .containsEntry("m", null).containsEntry("a", null).containsEntry("same_time", true);
        assertThat(h.createQuery("SELECT ts = CAST('1901-06-30 12:00:00.0000004+00' AS timestamptz) FROM v WHERE i = 2")
                .mapTo(Boolean.class).one()).isTrue();
        assertThat(h.createQuery("SELECT ts = CAST('2026-01-01 00:00:00.0000025+00' AS timestamptz) FROM v WHERE i = 3")
                .mapTo(Boolean.class).one()).isTrue();
    }

    @Test
    void manyRowsAreSentInChunksAndAllStored() throws SQLException {
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            for (int i = 0; i < 20_000; i++) {
                copy.row(7).int4(i).nul().text("row " + i).nul().nul().nul().nul();
            }
            assertThat(copy.finish()).isEqualTo(20_000);
        }
        assertThat(h.createQuery("SELECT count(*), sum(i) FROM v").mapToMap().one())
                .containsEntry("count", 20_000L).containsEntry("sum", 199_990_000L);
    }

    @Test
    void aRowWithTooFewOrTooManyValuesIsRefusedAndNothingIsStored() throws SQLException {
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            copy.row(7).int4(1).nul().nul().nul().nul().nul();
            assertThatThrownBy(() -> copy.row(7)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 value(s) short");
        }
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            copy.row(1).int4(1);
            assertThatThrownBy(() -> copy.text("extra")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("more values than declared");
        }
        assertThat(h.createQuery("SELECT count(*) FROM v").mapTo(Integer.class).one()).isZero();
    }

    @Test
    void aValueTheServerRefusesFailsTheWholeCopy() throws SQLException {
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            copy.row(7).int4(1).nul().text("kept?").nul().nul().nul().nul();
            copy.row(7).int4(2).nul().text("refused").nul().nul().nul().nul();
            assertThatThrownBy(copy::finish).isInstanceOf(SQLException.class).hasMessageContaining("v_t_check");
        }
        assertThatThrownBy(() -> {
            try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
                copy.row(7).int4(3).nul().nul().jsonb("{not json").nul().nul().nul();
                copy.finish();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("json");
        assertThat(h.createQuery("SELECT count(*) FROM v").mapTo(Integer.class).one()).isZero();
    }
}
