package io.piha.http.actuator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command of the actuators: its output discarded, a time limit, a non-zero exit a failure naming it. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} with {@code env} added to the environment.
     *
     * @param what the command in words for errors, e.g. {@code role command [docker, start, ha]}
     * @throws IllegalStateException naming {@code what} if it cannot start, times out or exits non-zero
     */
    static void run(String what, List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + what, e);
        }
    }
}
