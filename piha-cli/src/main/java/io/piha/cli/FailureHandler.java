package io.piha.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command reports a failure, registered once in {@link Piha#commandLine()}: one line on stderr,
 * {@code piha <command>: what happened; what to do}, and the exit code from {@link ExitCode}. The stack trace
 * follows only with {@code --verbose}, and never for an error that may quote a configuration value.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final BooleanSupplier verbose;

    FailureHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        String what = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            what = what + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
        }
        report(ex.getCommandLine().getErr(), command, new Failure(ExitCode.USAGE, what,
                "see '" + command + " --help'", false), ex);
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String command = commandLine.getCommandSpec().qualifiedName();
        Failure failure = Failure.of(ex, command);
        report(commandLine.getErr(), command, failure, ex);
        return failure.code().code();
    }

    private void report(PrintWriter err, String command, Failure failure, Throwable ex) {
        err.println(command + ": " + failure.what() + "; " + failure.todo());
        if (verbose.getAsBoolean()) {
            trace(err, failure, ex);
        }
        err.flush();
    }

    private static void trace(PrintWriter err, Failure failure, Throwable ex) {
        if (failure.secretsPossible()) {
            // the frames say where it failed; the message and causes may quote a value from the file
            Throwable where = new Throwable(ex.getClass().getName() + " (message not shown: it may quote a secret)");
            where.setStackTrace(ex.getStackTrace());
            where.printStackTrace(err);
        } else {
            ex.printStackTrace(err);
        }
    }
}
