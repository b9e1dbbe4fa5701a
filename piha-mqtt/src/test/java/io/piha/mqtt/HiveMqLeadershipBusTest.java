package io.piha.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.mqtt.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Leadership contract on an embedded HiveMQ CE broker")
class HiveMqLeadershipBusTest extends LeadershipBusContract {

    private static EmbeddedHiveMq broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedHiveMq.startWithTls();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    TestBroker broker() {
        return broker;
    }

    @Test
    void tlsWithTheHomeCaConnectsAndWithoutItTheBrokerIsNotTrusted() {
        Recorder control = subscribe(bus(config("tls-control").broker("127.0.0.1", broker.tlsPort())
                .tls(broker.caCertificate()), new Recorder()));

        raw().publish("piha/leader/" + service + "/state", "leader", true);

        assertThat(control.next(StateChanged.class).state()).contains(LeaderState.LEADER);
        assertThatThrownBy(() -> MqttLeadershipBus.connect(config("tls-jdk-trust").broker("127.0.0.1",
                broker.tlsPort()).tls().protocol(MqttProtocol.MQTT_5).build()))
                .isInstanceOf(LeadershipBusException.class).hasMessageContaining("127.0.0.1:" + broker.tlsPort());
    }
}
