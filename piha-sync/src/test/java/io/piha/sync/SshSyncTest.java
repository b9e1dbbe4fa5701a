package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncOutcome;
import io.piha.sync.testing.GitSshServer;
import io.piha.testkit.ManualClock;
import io.piha.testkit.git.TestRepo;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh:// against an in-process Apache MINA SSHD server: public-key login, host key checked, CAS by push. */
class SshSyncTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path tmp;

    private static GitSshServer server;
    private static SshdSessionFactory sessions;
    private static KeyPair clientKey;

    @BeforeAll
    static void startServer() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        clientKey = gen.generateKeyPair();
        Files.createDirectories(tmp.resolve("repos"));
        server = new GitSshServer(tmp.resolve("repos"), tmp.resolve("hostkey.ser"), clientKey.getPublic());
        sessions = new SshdSessionFactoryBuilder()
                .setHomeDirectory(tmp.toFile())
                .setSshDirectory(Files.createDirectories(tmp.resolve(".ssh")).toFile())
                .setDefaultKeysProvider(dir -> List.of(clientKey))
                .setServerKeyDatabase((home, ssh) -> new KnownHost(server.hostKeys()))
                .build(null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        sessions.close();
        server.close();
    }

    private GitConfigSync sync(String repoName, Path cache) {
        return GitConfigSync.remote("ssh://piha@127.0.0.1:" + server.port() + "/" + repoName, cache)
                .clock(new ManualClock(T0))
                .transport(t -> {
                    if (t instanceof SshTransport ssh) {
                        ssh.setSshSessionFactory(sessions);
                    }
                })
                .alerts(a -> { }).audit(e -> { })
                .build();
    }

    @Test
    void theStandbyIsFastForwardedOverSsh() {
        try (TestRepo nas = TestRepo.createBare(tmp.resolve("repos/ha.git"))) {
            ObjectId base = nas.commit("main", T0.minus(Duration.ofDays(4)), "base");
            nas.move("standby", base);
            ObjectId eligible = nas.commit("main", T0.minus(Duration.ofHours(30)), "eligible");
            nas.commit("main", T0.minus(Duration.ofHours(2)), "fresh");

            SyncOutcome outcome = sync("ha.git", tmp.resolve("cache-1.git")).sync();

            assertThat(outcome).isEqualTo(new SyncOutcome.Synced(Optional.of(new CommitId(base.name())),
                    new CommitId(eligible.name()), "scheduler"));
            assertThat(nas.head("standby")).contains(eligible);
        }
    }

    @Test
    void aRewrittenPrimaryIsNotPushedOverSsh() {
        try (TestRepo nas = TestRepo.createBare(tmp.resolve("repos/rewritten.git"))) {
            ObjectId base = nas.commit("main", T0.minus(Duration.ofDays(4)), "base");
            ObjectId synced = nas.commit("main", T0.minus(Duration.ofDays(3)), "synced");
            nas.move("standby", synced);
            nas.move("main", base);
            nas.commit("main", T0.minus(Duration.ofDays(2)), "rewritten");

            SyncOutcome outcome = sync("rewritten.git", tmp.resolve("cache-2.git")).sync();

            assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
            assertThat(nas.head("standby")).contains(synced);
        }
    }

    @Test
    void aMissingRemoteRepositoryBlocks() {
        SyncOutcome outcome = sync("nowhere.git", tmp.resolve("cache-3.git")).sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("cannot fetch from ssh://piha@127.0.0.1");
    }

    /** Accepts exactly the test server's host keys, as a known_hosts file would. */
    private record KnownHost(List<PublicKey> keys) implements ServerKeyDatabase {
        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress,
                                      Configuration config) {
            return keys;
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                              Configuration config, CredentialsProvider provider) {
            return keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey));
        }
    }
}
