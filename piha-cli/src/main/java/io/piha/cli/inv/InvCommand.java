package io.piha.cli.inv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.cli.ExitCode;
import io.piha.inventory.InventoryStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postgresql.ds.PGConnectionPoolDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code piha inv}: the multi-site home inventory. The database is {@code --db} or {@code PIHA_DB_URL}; with
 * neither, an embedded PostgreSQL keeps its data in {@code --data-dir} and stays up between commands
 * ({@link SharedServer}), so the CLI runs on a fresh machine and a warm command answers quickly.
 */
@Command(name = "inv", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        description = "Multi-site home inventory: organisations, sites, zones, devices, networks, imports, reports.",
        footer = {"", "Without --db, an embedded PostgreSQL keeps the data in --data-dir. The first command starts it;"
                + " it stays up for --idle-stop after the last command (piha inv server stop ends it sooner).",
            "Exit codes: 0 done, 2 bad input or unknown name, 3 done but rows were rejected (see import report),"
                + " 4 refused by a rule of the inventory or a busy database, 5 a database or HomeSeer could not be reached."},
        subcommands = {OrgCommand.class, SiteCommand.class, ZoneCommand.class, DeviceCommand.class,
            NetworkCommand.class, ImportCommand.class, DiffCommand.class, ExportCommand.class, ServerCommand.class,
            WebCommand.class})
public final class InvCommand implements Runnable, AutoCloseable {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", scope = ScopeType.INHERIT,
            description = "JDBC URL of the inventory database (default: $PIHA_DB_URL, else the embedded PostgreSQL)")
    String db;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT,
            description = "Where the embedded PostgreSQL keeps its data (default: ~/.piha/inventory-db)")
    Path dataDir;

    @Option(names = "--idle-stop", scope = ScopeType.INHERIT, defaultValue = "${env:PIHA_INV_IDLE_STOP:-10m}",
            description = "How long the embedded PostgreSQL stays up after the last command, e.g. 90s, 10m, 2h"
                    + " (default: $PIHA_INV_IDLE_STOP, else ${DEFAULT-VALUE})")
    Duration idleStop;

    @Option(names = "--no-server", scope = ScopeType.INHERIT,
            description = "Start the embedded PostgreSQL for this command only and stop it at the end"
                    + " (a server that already runs is used)")
    boolean noServer;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON for scripts instead of tables for people")
    boolean json;

    @Option(names = "--actor", scope = ScopeType.INHERIT,
            description = "Who is making the change, for the audit log (default: your user name)")
    String actor;

    private EmbeddedDatabase embedded;
    private ServerFiles.Lock held;
    private CommandConnection connection;
    private InventoryStore store;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The store, opened (and migrated if its schema is older than this build's) on first use. */
    InventoryStore store() {
        if (store == null) {
            connection = new CommandConnection(connectTo());
            store = InventoryStore.open(connection, Clock.systemUTC());
        }
        return store;
    }

    /** Where this command's connection goes: --db, $PIHA_DB_URL, or the embedded server of the data directory. */
    private PGConnectionPoolDataSource connectTo() {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        String url = db != null ? db : System.getenv("PIHA_DB_URL");
        if (url != null && !url.isBlank()) {
            ds.setURL(url);
            return ds;
        }
        Path dir = dataDirectory();
        int port;
        if (!noServer) {
            port = SharedServer.connect(dir, idleStop, err()).port();
        } else {
            ServerFiles files = new ServerFiles(dir);
            held = files.lock(SharedServer.WAIT, () -> err().println("piha: waiting for another piha inv using " + dir));
            java.util.Optional<ServerState> live = files.live();
            live.ifPresent(s -> files.touch());
            if (live.isEmpty()) {
                embedded = EmbeddedDatabase.start(dir);
            }
            port = live.map(ServerState::port).orElseGet(() -> embedded.port());
        }
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        readPassword(dir).ifPresent(ds::setPassword);
        return ds;
    }

    Path dataDirectory() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".piha", "inventory-db");
    }

    private static java.util.Optional<String> readPassword(Path dir) {
        try {
            return EmbeddedDatabase.readPassword(dir);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read the password of the inventory database in " + dir, e);
        }
    }

    String actor() {
        return actor != null ? actor : System.getProperty("user.name", "piha");
    }

    /** The site named {@code slug} or {@code organisation/slug}; an unknown one is refused naming those that exist. */
    Site site(String ref) {
        int slash = ref.indexOf('/');
        String siteSlug = slash < 0 ? ref : ref.substring(slash + 1);
        List<Site> sites = store().sites().findBySlug(Slug.of(siteSlug));
        if (slash >= 0) {
            String org = ref.substring(0, slash);
            sites = sites.stream().filter(s -> store().organisations().find(s.organisationId())
                    .map(o -> o.slug().value().equals(org)).orElse(false)).toList();
        }
        if (sites.isEmpty()) {
            throw new InventoryException.NotFound("unknown site '" + ref + "'; " + knownSites());
        }
        if (sites.size() > 1) {
            throw new InventoryException.Conflict("site '" + ref + "' exists in several organisations:"
                    + " write it as organisation/site");
        }
        return sites.get(0);
    }

    private String knownSites() {
        Map<UUID, String> orgs = store().organisations().list().stream()
                .collect(Collectors.toMap(o -> o.id(), o -> o.slug().value()));
        List<String> names = store().sites().list(SiteScope.allSites()).stream()
                .map(s -> orgs.getOrDefault(s.organisationId(), "?") + "/" + s.slug().value()).sorted().toList();
        return names.isEmpty() ? "there are no sites yet (piha inv site create SLUG --org ORG --name NAME)"
                : "the sites are: " + String.join(", ", names);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints rows as a table, or as JSON objects with the header names as keys. */
    void print(List<String> header, List<List<String>> rows) {
        if (json) {
            List<Map<String, String>> objects = rows.stream().map(r -> {
                Map<String, String> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), r.get(i));
                }
                return m;
            }).toList();
            printJson(objects);
        } else {
            Table.print(out(), header, rows);
        }
    }

    void printJson(Object value) {
        try {
            out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Runs an action and closes the store whatever happens. A failure goes on to the command line's handler, which
     * reports it like every command's ({@code io.piha.cli.Failure}): one line on stderr and the exit code of
     * {@link ExitCode}: an unknown name or bad input {@code USAGE}, a rule of the inventory or a busy database
     * {@code REFUSED}, a database or HomeSeer out of reach {@code FAILED}.
     */
    int guard(Callable<Integer> action) {
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e); // the handler reads the cause
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        store = null;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        try {
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
        } finally {
            if (held != null) {
                held.close();
                held = null;
            }
        }
    }
}
