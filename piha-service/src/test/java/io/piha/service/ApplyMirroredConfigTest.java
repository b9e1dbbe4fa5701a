package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.RoleActuator;
import io.piha.api.leadership.ServiceName;
import io.piha.sync.StandbyCheckout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyMirroredConfigTest {

    private static final FencingToken TOKEN = new FencingToken(ServiceName.HOME_ASSISTANT, HostId.of("ha-standby"), Epoch.of(5));

    @TempDir
    Path dir;

    private final List<String> calls = new ArrayList<>();
    private final RoleActuator recording = new RoleActuator() {
        @Override
        public void activate(FencingToken token) {
            calls.add("activate@" + token.epoch());
        }

        @Override
        public void deactivate(String reason) {
            calls.add("deactivate:" + reason);
        }
    };

    @Test
    void promotionAppliesTheStandbyBranchBeforeTheHostStartsServing() throws Exception {
        Path repo = dir.resolve("ha-config");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("standby").call()) {
            Files.writeString(repo.resolve("configuration.yaml"), "homeassistant:\n  name: Home\n");
            git.add().addFilepattern("configuration.yaml").call();
            git.commit().setMessage("config").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
        StandbyCheckout checkout = StandbyCheckout.of(repo, "standby", dir.resolve("ha"));
        RoleActuator actuator = new ApplyMirroredConfig(checkout, new RoleActuator() {
            @Override
            public void activate(FencingToken token) {
                calls.add("activate saw " + Files.exists(checkout.live().resolve("configuration.yaml")));
            }

            @Override
            public void deactivate(String reason) {
            }
        });

        actuator.activate(TOKEN);

        assertThat(calls).containsExactly("activate saw true");
        assertThat(Files.readString(checkout.live().resolve("configuration.yaml"))).contains("name: Home");
    }

    @Test
    void aMissingMirrorDoesNotHoldThePromotionBack() {
        StandbyCheckout missing = StandbyCheckout.of(dir.resolve("no-such-repo"), "standby", dir.resolve("ha"));
        RoleActuator actuator = new ApplyMirroredConfig(missing, recording);

        actuator.activate(TOKEN);
        actuator.deactivate("demoted");

        assertThat(calls).containsExactly("activate@5", "deactivate:demoted");
    }
}
