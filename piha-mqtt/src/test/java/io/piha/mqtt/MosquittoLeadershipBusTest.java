package io.piha.mqtt;

import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import java.util.Optional;

import io.piha.testkit.mqtt.Mosquitto;
import io.piha.testkit.mqtt.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Leadership contract on Debian's Mosquitto")
class MosquittoLeadershipBusTest extends LeadershipBusContract {

    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() {
        var binary = Mosquitto.binary();
        if (binary.isEmpty() && Mosquitto.required()) {
            throw new IllegalStateException("mosquitto is not installed but " + Mosquitto.REQUIRE_ENV
                    + "=true: install it (apt-get install -y mosquitto)");
        }
        assumeTrue(binary.isPresent(), "mosquitto is not installed (apt-get install -y mosquitto); set "
                + Mosquitto.REQUIRE_ENV + "=true to fail instead of skipping");
        broker = Mosquitto.start(binary.get());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    TestBroker broker() {
        return broker;
    }

    @Test
    void credentialsOpenTheSecuredListenerAndAWrongPasswordIsRefusedWithoutBeingShown() throws Exception {
        Recorder control = subscribe(bus("control"));
        MqttLeadershipBus leader = bus(config("auth-ok").broker("127.0.0.1", broker.securedPort())
                .credentials("piha", Secret.of(Mosquitto.PASSWORD)), new Recorder());

        await(leader.publish(new StateChanged(service, Optional.of(LeaderState.LEADER))));

        assertThat(control.next(StateChanged.class).state()).contains(LeaderState.LEADER);
        assertThatThrownBy(() -> MqttLeadershipBus.connect(config("auth-bad").broker("127.0.0.1",
                broker.securedPort()).credentials("piha", Secret.of("not-the-password")).build()))
                .isInstanceOf(LeadershipBusException.class)
                .hasMessageContaining("127.0.0.1:" + broker.securedPort())
                .hasMessageNotContaining("not-the-password");
    }
}
