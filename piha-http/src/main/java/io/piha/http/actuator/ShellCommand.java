package io.piha.http.actuator;

import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.RoleActuator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Switches a host's role by running a command (e.g. {@code docker start homeassistant}), with
 * {@code PIHA_ROLE}, {@code PIHA_SERVICE}, {@code PIHA_EPOCH} and {@code PIHA_REASON} in its environment.
 * A non-zero exit or a time-out is a failure naming the command.
 */
public final class ShellCommand implements RoleActuator {

    private final List<String> onActivate;
    private final List<String> onDeactivate;
    private final long timeoutSeconds;

    /** Commands as argument lists (no shell parsing of their own). */
    public ShellCommand(List<String> onActivate, List<String> onDeactivate, long timeoutSeconds) {
        this.onActivate = List.copyOf(onActivate);
        this.onDeactivate = List.copyOf(onDeactivate);
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void activate(FencingToken token) {
        run(onActivate, Map.of("PIHA_ROLE", "leader", "PIHA_SERVICE", token.service().value(),
                "PIHA_EPOCH", token.epoch().toString(), "PIHA_REASON", "promoted"));
    }

    @Override
    public void deactivate(String reason) {
        run(onDeactivate, Map.of("PIHA_ROLE", "standby", "PIHA_REASON", Objects.requireNonNull(reason)));
    }

    private void run(List<String> command, Map<String, String> env) {
        if (command.isEmpty()) {
            return;
        }
        Commands.run("role command " + command, command, env, java.time.Duration.ofSeconds(timeoutSeconds));
    }
}
