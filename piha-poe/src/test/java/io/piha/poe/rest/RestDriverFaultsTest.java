package io.piha.poe.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PowerAction;
import io.piha.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults the kit does not name: malformed JSON, expired sessions, read-modify-write, plain HTTP. */
class RestDriverFaultsTest {

    private static RestBench routerOs;
    private static RestBench unifi;

    @BeforeAll
    static void startFakes() {
        routerOs = new RestBench(new FakeRouterOs("admin", RestBench.PASSWORD, Set.of("ether2", "ether3")),
                RouterOsDriverContractTest.PORTS, RouterOsPoeDriver::new, PortAddress::nativeName);
        unifi = new RestBench(new FakeUnifi(true, RestBench.PASSWORD, Set.of("1", "2", "3")),
                UnifiDriverContract.PORTS,
                c -> new UnifiPoeDriver(c, "default", FakeUnifi.MAC, UnifiPoeDriver.Flavor.UNIFI_OS),
                a -> Integer.toString(a.port()));
    }

    @AfterAll
    static void stopFakes() {
        routerOs.close();
        unifi.close();
    }

    @BeforeEach
    void reset() {
        routerOs.reset();
        unifi.reset();
    }

    @Test
    void malformedJsonFromTheSwitchIsAnUnexpectedAnswerNamingSwitchAndPort() {
        routerOs.fake.garbled = true;
        try (PoeDriver driver = routerOs.driver()) {
            assertThatThrownBy(() -> driver.status("haos-primary"))
                    .isInstanceOf(PoeException.UnexpectedAnswer.class)
                    .hasMessageContaining("crs328").hasMessageContaining("haos-primary").hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void anExpiredControllerSessionIsRenewedOnceAndTheActionStillHappens() {
        FakeUnifi controller = (FakeUnifi) unifi.fake;
        try (PoeDriver driver = unifi.driver()) {
            assertThat(driver.status("haos-primary").isPowering()).isTrue();
            controller.expireSessions();
            driver.powerOff("haos-primary");
        }
        assertThat(controller.isPowered("3")).isFalse();
    }

    @Test
    void switchingOnePortKeepsTheOtherPortOverridesOfTheSwitch() {
        try (PoeDriver driver = unifi.driver()) {
            driver.powerOff("haos-primary");
            driver.powerOn("haos-primary");
            assertThat(driver.plan(PowerAction.OFF, "haos-primary", Duration.ZERO).get(1).payload())
                    .contains("<other overrides kept>").contains("\"port_idx\":3,\"poe_mode\":\"off\"");
        }
        assertThat(unifi.fake.history("3")).containsExactly(false, true);
        assertThat(unifi.fake.isPowered("1")).as("the NAS port is untouched").isTrue();
        assertThat(unifi.fake.history("1")).isEmpty();
    }

    @Test
    void credentialsAreNeverSentOverPlainHttpUnlessAskedFor() {
        PortMap map = new PortMap("crs328", Map.of("a", PortAddress.named("ether2")), Set.of());
        assertThatThrownBy(() -> HttpDeviceConfig.of(URI.create("http://192.168.88.1"), "admin", Secret.of("pw"), map))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP")
                .hasMessageContaining("crs328").hasMessageNotContaining("pw\"");
    }

    @Test
    void theTasmotaDryRunHidesThePasswordItWouldSendInTheQuery() {
        PortMap map = TasmotaDriverContractTest.PORTS;
        HttpDeviceConfig config = new HttpDeviceConfig(URI.create("http://10.0.0.9"), "admin",
                Secret.of("hunter2-hunter2"), map, Duration.ofSeconds(1), true);
        try (PoeDriver driver = new TasmotaPlugDriver(config)) {
            assertThat(driver.plan(PowerAction.CYCLE, "haos-primary", Duration.ofSeconds(5)))
                    .singleElement().hasToString("http GET http://10.0.0.9/cm?user=admin&password=***&cmnd="
                            + "Backlog%20Power1%20Off%3B%20Delay%2050%3B%20Power1%20On");
        }
    }
}
