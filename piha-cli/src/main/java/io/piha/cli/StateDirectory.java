package io.piha.cli;

/**
 * Where PiHA keeps its state on a host (the arbiters' memory, the PoE and reinstall ledgers, the audit), as every
 * command's {@code --state-dir} defaults to it: {@code PIHA_STATE_DIR}, else {@code /var/lib/piha} (the systemd
 * units' {@code StateDirectory}).
 */
public final class StateDirectory {

    /** The picocli default of every {@code --state-dir} option. */
    public static final String OPTION_DEFAULT = "${env:PIHA_STATE_DIR:-/var/lib/piha}";

    private StateDirectory() {
    }
}
