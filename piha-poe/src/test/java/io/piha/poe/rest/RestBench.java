package io.piha.poe.rest;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.poe.kit.PoeTestBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockWebServer;

/** The kit's bench on a MockWebServer fake device; one fake per test class, one driver per test. */
final class RestBench implements PoeTestBench, AutoCloseable {

    static final String PASSWORD = "correct-horse-battery";

    final FakeDevice fake;
    final PortMap map;
    private final Function<HttpDeviceConfig, PoeDriver> drivers;
    private final Function<PortAddress, String> nativeName;
    private final MockWebServer silent = FakeDevice.silent();
    private final Optional<SSLContext> trust;

    RestBench(FakeDevice fake, PortMap map, Function<HttpDeviceConfig, PoeDriver> drivers,
              Function<PortAddress, String> nativeName) {
        this(fake, map, drivers, nativeName, Optional.empty());
    }

    RestBench(FakeDevice fake, PortMap map, Function<HttpDeviceConfig, PoeDriver> drivers,
              Function<PortAddress, String> nativeName, Optional<SSLContext> trust) {
        this.trust = trust;
        this.fake = fake;
        this.map = map;
        this.drivers = drivers;
        this.nativeName = nativeName;
    }

    HttpDeviceConfig config(String password) {
        return new HttpDeviceConfig(fake.baseUri(), "admin", Secret.of(password), map, Duration.ofSeconds(2), true,
                trust);
    }

    @Override
    public PoeDriver driver() {
        return drivers.apply(config(PASSWORD));
    }

    @Override
    public String port() {
        return "haos-primary";
    }

    @Override
    public boolean isPowered(String label) {
        return fake.isPowered(nativeName.apply(map.require(label)));
    }

    @Override
    public void reset() {
        fake.reset();
    }

    @Override
    public Optional<List<Boolean>> powerHistory(String label) {
        return Optional.of(fake.history(nativeName.apply(map.require(label))));
    }

    @Override
    public Optional<String> portUnknownToSwitch() {
        return Optional.of("ghost");
    }

    @Override
    public Optional<PoeDriver> driverWithWrongCredentials() {
        return Optional.of(drivers.apply(config("wrong-password-guess")));
    }

    @Override
    public Optional<PoeDriver> driverForSilentSwitch() {
        return Optional.of(drivers.apply(new HttpDeviceConfig(FakeDevice.uri(silent), "admin", Secret.of(PASSWORD), map,
                Duration.ofMillis(300), true)));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(PASSWORD, "wrong-password-guess");
    }

    @Override
    public void close() {
        fake.close();
        try {
            silent.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
