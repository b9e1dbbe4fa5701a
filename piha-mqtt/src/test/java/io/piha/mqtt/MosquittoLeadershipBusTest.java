package io.piha.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.mqtt.brokers.Mosquitto;
import io.piha.mqtt.brokers.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

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
}
