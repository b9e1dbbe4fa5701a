package io.piha.cli.inv;

import io.piha.api.Secret;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.piha.cli.ExitCode;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.web.InventoryWeb;
import io.piha.web.Login;
import io.piha.web.PasswordHash;
import io.piha.web.RunningWeb;
import io.piha.web.WebConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code piha inv web}: the inventory's web dashboard on the database {@code piha inv} uses ({@code --db}, else
 * {@code PIHA_DB_URL}, else the embedded default), until stopped. {@code --hash-password} makes the hash its
 * login checks.
 */
@Command(name = "web", mixinStandardHelpOptions = true, description = {
    "Serves the inventory's web dashboard on the same database as the other inv commands, until stopped.",
    "Log in with --user and the hash in $PIHA_WEB_PASSWORD_HASH (make one with --hash-password), or put it behind a",
    "reverse proxy that logs people in and names them in --trusted-header. Listens on 127.0.0.1 unless --bind says."})
final class WebCommand implements Callable<Integer> {

    @ParentCommand
    InvCommand inv;

    @Option(names = "--hash-password", description = "Read a password (twice, from the terminal; or one line of"
            + " standard input) and print its hash for PIHA_WEB_PASSWORD_HASH, then exit.")
    boolean hashPassword;

    @Option(names = "--bind", defaultValue = WebConfig.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on (default: ${DEFAULT-VALUE}: this machine only)")
    String bind;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free)")
    int port;

    @Option(names = "--user", description = "The user who logs in (default: $PIHA_WEB_USER, else your user name)")
    String user;

    @Option(names = "--password-hash-env", defaultValue = "PIHA_WEB_PASSWORD_HASH",
            description = "Environment variable holding the password hash (default: ${DEFAULT-VALUE})")
    String hashEnv;

    @Option(names = "--trusted-header", description = "Take the user from this header of a reverse proxy"
            + " (e.g. X-Forwarded-User) instead of a login form; only with the proxy on this machine")
    String trustedHeader;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (users come over HTTPS)")
    boolean secureCookies;

    @Option(names = "--session-idle", defaultValue = "8h", description = "Forget a session unused this long"
            + " (default: ${DEFAULT-VALUE})")
    Duration sessionIdle;

    @Option(names = "--online-window", defaultValue = "1h", description = "A device seen this recently is online"
            + " (default: ${DEFAULT-VALUE})")
    Duration onlineWindow;

    @Option(names = "--homeseer-password-env", defaultValue = "PIHA_HOMESEER_PASSWORD",
            description = "Environment variable holding the HomeSeer password of the sync page (default: ${DEFAULT-VALUE})")
    String homeSeerPasswordEnv;

    @Option(names = "--oui", description = "IEEE registry CSV (default: Debian's ieee-data if installed)")
    List<Path> oui;

    @Option(names = "--manuf", description = "Wireshark manuf file")
    Path manuf;

    @Override
    public Integer call() {
        if (hashPassword) {
            return printHash();
        }
        WebConfig config;
        try {
            config = WebConfig.custom(login()).bindAddress(bind).port(port).secureCookies(secureCookies)
                    .sessionIdle(sessionIdle).onlineWindow(onlineWindow)
                    .homeSeerPassword(env(homeSeerPasswordEnv).map(Secret::of)).build();
        } catch (IllegalArgumentException e) {
            inv.spec.commandLine().getErr().println("invalid input: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        return inv.guard(() -> serve(config));
    }

    private int serve(WebConfig config) {
        RunningWeb web;
        // a long-running server pools its connections: a new PostgreSQL connection per request costs ~9 ms
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(inv.store().dataSource());
        pool.setMaximumPoolSize(8);
        pool.setPoolName("piha-web");
        HikariDataSource pooled = new HikariDataSource(pool);
        try {
            web = InventoryWeb.start(config, InventoryStore.open(pooled, Clock.systemUTC()), vendors());
        } catch (RuntimeException e) {
            pooled.close();
            throw e; // reported like every command's failure (a port in use names the address)
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            web.close();
            stopped.countDown();
        }, "piha-web-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        inv.out().println("inventory dashboard at " + web.url() + " (Ctrl-C stops it)");
        inv.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // interrupted (a test, an embedding program): stop now rather than at exit
            web.close();
            pooled.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        return ExitCode.OK.code();
    }

    /**
     * The vendor registry. Debian's files are read when present; if they cannot be read the dashboard still starts
     * (scans then keep the vendor their file gives) and says so; files named with --oui or --manuf must be readable.
     */
    private MacVendors vendors() {
        if (oui != null || manuf != null) {
            return ImportCommand.vendors(oui, manuf);
        }
        try {
            return ImportCommand.vendors(null, null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            inv.spec.commandLine().getErr().println("warning: the vendor registry was not loaded (" + e.getMessage()
                    + "); scan imports keep the vendor their file gives. Name one with --oui or --manuf.");
            return MacVendors.builder().build();
        }
    }

    private Login login() {
        if (trustedHeader != null) {
            return Login.trustedHeader(trustedHeader);
        }
        String hash = env(hashEnv).orElseThrow(() -> new IllegalArgumentException("$" + hashEnv + " is not set: put"
                + " the hash from `piha inv web --hash-password` in it, or use --trusted-header behind a proxy"));
        String who = Optional.ofNullable(user).or(() -> env("PIHA_WEB_USER"))
                .orElse(System.getProperty("user.name", "piha"));
        return Login.password(who, PasswordHash.parse(hash));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private int printHash() {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (password == null || !Arrays.equals(password, again)) {
                inv.spec.commandLine().getErr().println("invalid input: the two passwords differ; nothing printed");
                return ExitCode.USAGE.code();
            }
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
        }
        try {
            inv.out().println(PasswordHash.of(password).encoded());
            inv.out().flush();
            return ExitCode.OK.code();
        } catch (IllegalArgumentException e) {
            inv.spec.commandLine().getErr().println("invalid input: " + e.getMessage());
            return ExitCode.USAGE.code();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
