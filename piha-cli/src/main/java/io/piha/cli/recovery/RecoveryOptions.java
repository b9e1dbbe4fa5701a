package io.piha.cli.recovery;

import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The control-plane file and state directory the recovery commands read, shared with the control plane. */
final class RecoveryOptions {

    @Option(names = {"-c", "--config"}, defaultValue = "${env:PIHA_CONFIG:-/etc/piha/control-plane.yaml}",
            description = "The control plane's YAML file, with the hosts' supervisor: and reinstall: keys and the "
                    + "recovery: section (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
            description = "Where the reinstall ledger and the snapshot cache live, shared with the control plane "
                    + "(default: ${DEFAULT-VALUE}).")
    Path stateDir;

    ControlPlaneConfig load() {
        return ConfigLoader.fromSystemEnvironment().loadControlPlane(config);
    }
}
