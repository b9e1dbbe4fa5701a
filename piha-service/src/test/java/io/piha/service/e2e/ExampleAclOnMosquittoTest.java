package io.piha.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.piha.testkit.mqtt.Mosquitto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/examples/mosquitto-piha.acl}, loaded as shipped into Debian's Mosquitto with a password file made by
 * {@code mosquitto_passwd -b}: the broker drops what a user may not publish (nobody receives it) and refuses anonymous
 * clients. Each refusal has its allowed counterpart in the same test, so a rule that lets everything through fails.
 */
@DisplayName("The example ACL on Debian's Mosquitto")
class ExampleAclOnMosquittoTest {

    private static final Path ACL = Path.of("..", "docs", "examples", "mosquitto-piha.acl");
    private static final String PASSWORD = "test-only-password";
    private static final String LEASE = "piha/leader/home-assistant/lease";
    private static final String CMD = "piha/leader/home-assistant/cmd";
    private static Mosquitto broker;
    private static Mqtt5BlockingClient watcher;
    private static final List<Mqtt5Publish> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMosquittoWithTheExampleAcl(@TempDir Path dir) throws Exception {
        var binary = Mosquitto.binaryUnlessRequired();
        assumeTrue(binary.isPresent(), Mosquitto.SKIPPED);
        // mosquitto_passwd comes in Debian's mosquitto package: with the broker there, it is there.
        Path passwords = dir.resolve("piha.passwd");
        for (String user : List.of("piha-nas", "piha-operator", "haos-primary", "haos-standby")) {
            mosquittoPasswd(passwords, user);
        }
        broker = Mosquitto.start(binary.get(), new Mosquitto.AccessControl(passwords, ACL.toAbsolutePath()));
        watcher = v5("piha-nas");
        watcher.toAsync().subscribeWith().topicFilter("piha/leader/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(seen::add).send().join();
    }

    private static void mosquittoPasswd(Path file, String user) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_passwd"));
        if (!Files.exists(file)) {
            cmd.add("-c");
        }
        cmd.addAll(List.of("-b", file.toString(), user, PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mosquitto_passwd: %s", out).isTrue();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            watcher.disconnect();
            broker.close();
        }
    }

    private static Mqtt5BlockingClient v5(String user) {
        Mqtt5BlockingClient c = MqttClient.builder().useMqttVersion5().identifier(user + "-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(broker.port()).simpleAuth().username(user)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        c.connect();
        return c;
    }

    /** A host as Home Assistant connects: MQTT 3.1.1, where the broker drops a refused publication silently. */
    private static Mqtt3BlockingClient homeAssistant(String user) {
        Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3().identifier(user + "-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(broker.port()).simpleAuth().username(user)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        c.connect();
        return c;
    }

    /** Publishes {@code payload} (a unique marker) and says whether the control plane's watcher received it. */
    private static boolean delivered(Runnable publish, String payload) throws InterruptedException {
        publish.run();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < deadline) {
            if (seen.stream().anyMatch(p -> new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8).equals(payload))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static String marker(String what) {
        return "{\"test\":\"" + what + "-" + UUID.randomUUID() + "\"}";
    }

    private static Runnable v3(Mqtt3BlockingClient c, String topic, String payload) {
        return () -> c.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).send();
    }

    private static Runnable v5(Mqtt5BlockingClient c, String topic, String payload) {
        return () -> {
            try {
                c.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send();
            } catch (RuntimeException refused) {
                // MQTT 5: the broker answers "not authorized"; what matters is that nobody receives it
            }
        };
    }

    @Test
    void aHostPublishesItsHeartbeatButNeitherALeaseNorACommand() throws Exception {
        Mqtt3BlockingClient host = homeAssistant("haos-primary");
        try {
            String heartbeat = marker("heartbeat");
            String lease = marker("lease");
            String promote = marker("cmd");
            assertThat(delivered(v3(host, "piha/leader/home-assistant/heartbeat", heartbeat), heartbeat)).isTrue();
            assertThat(delivered(v3(host, LEASE, lease), lease)).as("a host's lease is dropped").isFalse();
            assertThat(delivered(v3(host, CMD, promote), promote)).as("a host's command is dropped").isFalse();
            String other = marker("availability");
            assertThat(delivered(v3(host, "piha/leader/home-assistant/availability/haos-standby", other), other))
                    .as("another host's availability is dropped").isFalse();
        } finally {
            host.disconnect();
        }
    }

    @Test
    void theControlPlanePublishesLeaseAndCommandAndAnOperatorOnlyCommands() throws Exception {
        Mqtt5BlockingClient controlPlane = v5("piha-nas");
        Mqtt5BlockingClient operator = v5("piha-operator");
        try {
            String lease = marker("lease");
            String demote = marker("cmd");
            assertThat(delivered(v5(controlPlane, LEASE, lease), lease)).isTrue();
            assertThat(delivered(v5(controlPlane, CMD, demote), demote)).isTrue();
            assertThat(delivered(v5(operator, CMD, "promote"), "promote")).as("mosquitto_pub -m promote").isTrue();
            String forged = marker("lease");
            assertThat(delivered(v5(operator, LEASE, forged), forged)).as("an operator's lease is dropped").isFalse();
        } finally {
            controlPlane.disconnect();
            operator.disconnect();
        }
    }

    @Test
    void anonymousClientsAndWrongPasswordsAreRefused() {
        assertThatThrownBy(() -> MqttClient.builder().useMqttVersion5().identifier("anonymous-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking().connect())
                .hasMessageContaining("NOT_AUTHORIZED");
        assertThatThrownBy(() -> MqttClient.builder().useMqttVersion5().identifier("guess-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(broker.port()).simpleAuth().username("haos-primary")
                .password("guess".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking().connect())
                .hasMessageContaining("NOT_AUTHORIZED");
    }
}
