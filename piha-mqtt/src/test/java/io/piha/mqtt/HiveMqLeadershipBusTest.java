package io.piha.mqtt;

import io.piha.mqtt.brokers.EmbeddedHiveMq;
import io.piha.mqtt.brokers.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Leadership contract on an embedded HiveMQ CE broker")
class HiveMqLeadershipBusTest extends LeadershipBusContract {

    private static EmbeddedHiveMq broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedHiveMq.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    TestBroker broker() {
        return broker;
    }
}
