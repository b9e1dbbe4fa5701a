package io.piha.cli.inv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.Slug;
import io.piha.cli.inv.EmbeddedDatabase;
import io.piha.inventory.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code piha inv}: the multi-site home inventory. The database is {@code --db} or {@code PIHA_DB_URL}; with
 * neither, an embedded PostgreSQL keeps its data in {@code --data-dir}, so the CLI runs on a fresh machine.
 */
@Command(name = "inv", mixinStandardHelpOptions = true,
        description = "Multi-site home inventory: organisations, sites, zones, devices, networks, imports, reports.",
        subcommands = {OrgCommand.class, SiteCommand.class, ZoneCommand.class, DeviceCommand.class,
            NetworkCommand.class, ImportCommand.class, DiffCommand.class, ExportCommand.class, WebCommand.class})
public final class InvCommand implements Runnable, AutoCloseable {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "JDBC URL of the inventory database (default: $PIHA_DB_URL, else an embedded PostgreSQL)")
    String db;

    @Option(names = "--data-dir", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where the embedded PostgreSQL keeps its data (default: ~/.piha/inventory-db)")
    Path dataDir;

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print JSON for scripts instead of tables for people")
    boolean json;

    @Option(names = "--actor", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Who is making the change, for the audit log (default: your user name)")
    String actor;

    private EmbeddedDatabase embedded;
    private InventoryStore store;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The store, opened (and migrated) on first use. */
    InventoryStore store() {
        if (store == null) {
            String url = db != null ? db : System.getenv("PIHA_DB_URL");
            if (url != null && !url.isBlank()) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url);
                store = InventoryStore.open(ds, Clock.systemUTC());
            } else {
                Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".piha", "inventory-db");
                embedded = EmbeddedDatabase.start(dir);
                store = InventoryStore.open(embedded.dataSource(), Clock.systemUTC());
            }
        }
        return store;
    }

    String actor() {
        return actor != null ? actor : System.getProperty("user.name", "piha");
    }

    /** The site named {@code slug} or {@code organisation/slug}. */
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
            throw new InventoryException.NotFound("unknown site '" + ref + "'");
        }
        if (sites.size() > 1) {
            throw new InventoryException.Conflict("site '" + ref + "' exists in several organisations:"
                    + " write it as organisation/site");
        }
        return sites.get(0);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints rows as a table, or as JSON objects with the header names as keys. */
    void print(List<String> header, List<List<String>> rows) {
        if (json) {
            List<java.util.Map<String, String>> objects = rows.stream().map(r -> {
                java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
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

    /** Runs an action, turning refusals into one clear line on stderr and exit code 1 (2 for bad input). */
    int guard(Callable<Integer> action) {
        try {
            return action.call();
        } catch (InventoryException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("invalid input: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            spec.commandLine().getErr().println("error: " + e);
            return 1;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        store = null;
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
