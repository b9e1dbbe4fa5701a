package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.inv.InvCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --db: one embedded PostgreSQL per data directory, shared by the commands, stopping itself when idle. */
class SharedServerTest {

    @TempDir
    Path tmp;

    final List<Path> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(SharedServer::stop);
    }

    Run inv(Path data, String... args) {
        started.add(data);
        List<String> all = new ArrayList<>(List.of("inv", "--data-dir", data.toString()));
        all.addAll(List.of(args));
        return InvCommandTest.execute(all.toArray(String[]::new));
    }

    @Test
    void theServerStaysUpBetweenCommandsAndKeepsTheData() {
        Path data = tmp.resolve("db");
        Run first = inv(data, "org", "create", "local", "--name", "Local");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("starting the inventory database");
        ServerState state = SharedServer.status(data).orElseThrow();

        Run second = inv(data, "org", "list");
        assertThat(second.out()).contains("local");
        assertThat(second.err()).doesNotContain("starting");
        assertThat(SharedServer.status(data)).contains(state);
        assertThat(inv(data, "server", "status").out()).contains("running: port " + state.port());

        assertThat(inv(data, "server", "stop").out()).contains("stopped");
        assertThat(SharedServer.status(data)).isEmpty();
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
        assertThat(inv(data, "org", "list").out()).contains("local");
    }

    @Test
    void theServerStopsItselfAfterTheIdleStop() throws Exception {
        Path data = tmp.resolve("idle");
        assertThat(inv(data, "--idle-stop", "2s", "org", "list").exit()).isZero();
        ServerState state = SharedServer.status(data).orElseThrow();
        assertThat(state.idleStop()).isEqualTo(Duration.ofSeconds(2));
        ProcessHandle keeper = ProcessHandle.of(state.pid()).orElseThrow();
        assertThat(keeper.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("stopped within 30 s").isFalse();
        assertThat(SharedServer.status(data)).isEmpty();
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
        assertThat(Files.exists(data.resolve(ServerFiles.STATE))).isFalse();
    }

    @Test
    void noServerStartsTheDatabaseForOneCommandOnly() {
        Path data = tmp.resolve("once");
        Run r = inv(data, "--no-server", "org", "create", "once", "--name", "Once");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(SharedServer.status(data)).isEmpty();
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
        assertThat(inv(data, "--no-server", "org", "list").out()).contains("once");
    }

    @Test
    void twoCommandsAtOnceOnAColdDirectoryBothWork() {
        Path data = tmp.resolve("together");
        CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> inv(data, "org", "list"));
        CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> inv(data, "site", "list"));
        assertThat(a.join().exit()).as(a.join().err()).isZero();
        assertThat(b.join().exit()).as(b.join().err()).isZero();
        assertThat(a.join().err() + b.join().err()).doesNotContain("Exception").doesNotContain("epg-lock");
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void aCommandWaitsForTheDirectoryAnotherCommandHoldsAndSaysSo() throws Exception {
        Path data = tmp.resolve("held");
        assertThat(inv(data, "org", "list").exit()).isZero();
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (ServerFiles.Lock lock = new ServerFiles(data).lock(Duration.ofSeconds(5), () -> { })) {
                locked.countDown();
                SharedServer.sleep(Duration.ofMillis(1500));
            }
        });
        locked.await();
        Run waiting = inv(data, "org", "list");
        holder.join();
        assertThat(waiting.exit()).isZero();
        assertThat(waiting.err()).contains("waiting for the inventory database").hasLineCount(1);
    }

    @Test
    void theIdleStopComesFromTheEnvironmentWhenNotGiven() throws Exception {
        Path data = tmp.resolve("env");
        started.add(data);
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "io.piha.cli.Piha", "inv", "--data-dir", data.toString(),
                "server", "start").redirectErrorStream(true);
        pb.environment().put("PIHA_INV_IDLE_STOP", "45s");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("running: port").contains("stops 45s after the last command");
        assertThat(SharedServer.status(data).orElseThrow().idleStop()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void serverRunKeepsTheServerInTheForegroundUntilIdle() {
        Path data = tmp.resolve("foreground");
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> inv(data, "--idle-stop", "1s", "server", "run"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (SharedServer.status(data).isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
            SharedServer.sleep(Duration.ofMillis(100));
        }
        assertThat(SharedServer.status(data).orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(run.join().exit()).as(run.join().err()).isZero();
        assertThat(SharedServer.status(data)).isEmpty();
    }
}
