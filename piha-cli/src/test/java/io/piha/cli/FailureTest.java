package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.InventoryException;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.recovery.PoeException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The exit code each kind of failure gets, and the words it is reported in. */
class FailureTest {

    private static Failure of(Throwable t) {
        return Failure.of(t, "piha test");
    }

    @Test
    void badInputIsAUsageError() {
        assertThat(of(new IllegalArgumentException("unknown host 'x'")).code()).isEqualTo(ExitCode.USAGE);
        assertThat(of(new NoSuchFileException("/etc/piha/x.yaml")).what()).isEqualTo("no such file: /etc/piha/x.yaml");
        assertThat(of(new PoeException.UnknownPort("rack", "garage", "no such label")).code()).isEqualTo(ExitCode.USAGE);
        assertThat(of(new InventoryException.NotFound("unknown site 'x'")).code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aRefusalByAGuardOrALockHeldElsewhereIsRefused() {
        assertThat(of(new PoeException.Refused("rack", "nas", "protected port")).code()).isEqualTo(ExitCode.REFUSED);
        assertThat(of(new InventoryException.Conflict("duplicate slug 'home'")).code()).isEqualTo(ExitCode.REFUSED);
        assertThat(of(new OverlappingFileLockException()).code()).isEqualTo(ExitCode.REFUSED);
        assertThat(of(new StateDirLockedException("/var/lib/piha is locked by pid 42")))
                .extracting(Failure::code, Failure::todo)
                .containsExactly(ExitCode.REFUSED, "another piha process holds it: stop that one first");
    }

    @Test
    void theInventorysFailuresGetTheTableOfEveryCommand() {
        assertThat(of(new io.piha.cli.inv.DatabaseBusyException("/var/lib/piha/inventory is held by pid 7")).code())
                .isEqualTo(ExitCode.REFUSED);
        assertThat(of(new io.piha.inventory.homeseer.HomeSeerException("HomeSeer at 10.0.0.5 refused the login")))
                .extracting(Failure::code, Failure::todo)
                .containsExactly(ExitCode.FAILED, "check the HomeSeer address, user and password, and that it answers");
        Failure database = of(new InventoryException("cannot reach the inventory database: refused",
                new SQLException("Connection to 127.0.0.1:1 refused", "08001")));
        assertThat(database.code()).isEqualTo(ExitCode.FAILED);
        assertThat(database.what()).isEqualTo("cannot reach the database: Connection to 127.0.0.1:1 refused");
        assertThat(database.todo()).contains("PIHA_DB_URL");
    }

    @Test
    void aMemoryThatCannotBeTrustedSaysWhichFileAndTheWayBack() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("arbiter", ".properties");
        try {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                    io.piha.runtime.ArbiterMemory.inFile(file).load(java.time.Instant.EPOCH));

            Failure f = of(new IllegalStateException("starting the control plane", refused));

            assertThat(f.code()).isEqualTo(ExitCode.FAILED);
            assertThat(f.what()).contains(file.toString()).contains("is empty").doesNotContain("rebuild-memory");
            assertThat(f.todo()).contains("piha control-plane rebuild-memory --config");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void somethingUnreachableFailedAndTheWrappedCauseDecides() {
        Failure broker = of(new LeadershipBusException("connect as x on 127.0.0.1:1 failed: "
                + "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: /127.0.0.1:1"));
        Failure database = of(new IllegalStateException(null, new SQLException("Connection to 127.0.0.1:1 refused",
                "08001")));

        assertThat(broker.code()).isEqualTo(ExitCode.FAILED);
        assertThat(broker.what()).isEqualTo("connect as x on 127.0.0.1:1 failed: Connection refused: /127.0.0.1:1");
        assertThat(database.code()).isEqualTo(ExitCode.FAILED);
        assertThat(database.what()).startsWith("cannot reach the database: Connection to 127.0.0.1:1 refused");
        assertThat(of(new RuntimeException(new ConnectException("127.0.0.1:5432"))).what())
                .isEqualTo("cannot reach 127.0.0.1:5432");
        assertThat(of(new UncheckedIOException("cannot write the audit log", new java.io.IOException("disk full")))
                .what()).isEqualTo("cannot write the audit log");
    }

    @Test
    void anExceptionNobodyExpectedIsAnInternalErrorToReport() {
        Failure f = of(new NullPointerException("host"));

        assertThat(f.code()).isEqualTo(ExitCode.FAILED);
        assertThat(f.what()).isEqualTo("internal error: java.lang.NullPointerException: host");
        assertThat(f.todo()).contains("--verbose", "report");
    }

    /** A lock type as another module may name it. */
    static final class StateDirLockedException extends RuntimeException {
        StateDirLockedException(String message) {
            super(message);
        }
    }
}
