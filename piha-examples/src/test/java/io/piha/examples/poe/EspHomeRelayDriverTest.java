package io.piha.examples.poe;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sample driver runs the contract kit, exactly as a driver author outside this repository would. */
class EspHomeRelayDriverTest extends PoeDriverCompatibilityKit {

    private static final PortMap MAP = new PortMap("relay-board", Map.of(
            "haos-primary", PortAddress.named("relay_haos"),
            "ghost", PortAddress.named("relay_9")), Set.of());
    private static FakeEspHomeBoard board;
    /** Accepts connections into its backlog and never answers: a hung board. */
    private static ServerSocket silent;

    @BeforeAll
    static void start() throws IOException {
        board = new FakeEspHomeBoard("admin", "relay-secret", Set.of("relay_haos", "relay_nas"));
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void stop() throws IOException {
        board.close();
        silent.close();
    }

    @Override
    protected PoeTestBench bench() {
        return new PoeTestBench() {
            @Override
            public PoeDriver driver() {
                return relayDriver(board.uri(), "relay-secret", Duration.ofSeconds(2));
            }

            @Override
            public String port() {
                return "haos-primary";
            }

            @Override
            public boolean isPowered(String label) {
                return board.isOn(MAP.require(label).nativeName());
            }

            @Override
            public void reset() {
                board.reset();
            }

            @Override
            public Optional<List<Boolean>> powerHistory(String label) {
                return Optional.of(board.history(MAP.require(label).nativeName()));
            }

            @Override
            public Optional<String> portUnknownToSwitch() {
                return Optional.of("ghost");
            }

            @Override
            public Optional<PoeDriver> driverWithWrongCredentials() {
                return Optional.of(relayDriver(board.uri(), "guessed", Duration.ofSeconds(2)));
            }

            @Override
            public Optional<PoeDriver> driverForSilentSwitch() {
                return Optional.of(relayDriver(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "relay-secret",
                        Duration.ofMillis(300)));
            }

            @Override
            public Set<String> secrets() {
                return Set.of("relay-secret", "guessed");
            }
        };
    }

    private static PoeDriver relayDriver(URI uri, String password, Duration timeout) {
        return new EspHomeRelayDriver(uri, "admin", Secret.of(password), MAP, timeout, d -> { });
    }
}
