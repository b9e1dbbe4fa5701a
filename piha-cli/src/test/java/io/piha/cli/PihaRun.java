package io.piha.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code piha} command run in-process through {@link Piha#commandLine()}, as {@code main} runs it, with
 * stdout and stderr captured.
 *
 * @param code the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record PihaRun(int code, String out, String err) {

    /** Runs {@code piha args...}. */
    public static PihaRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new PihaRun(code, out.toString(), err.toString());
    }

    /** Whether stderr holds exactly one line. */
    public boolean oneLineOnStderr() {
        return err.strip().lines().count() == 1;
    }
}
