package io.piha.cli;

/**
 * A command that runs until it is stopped (a service under systemd). Its INFO log lines go to the journal; every
 * other command logs only warnings unless {@code --verbose} is given.
 */
public interface LongRunning {
}
