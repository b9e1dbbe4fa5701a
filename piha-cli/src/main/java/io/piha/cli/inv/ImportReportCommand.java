package io.piha.cli.inv;

import io.piha.api.inventory.InventoryException;
import io.piha.cli.ExitCode;
import io.piha.inventory.ImportRun;
import io.piha.inventory.RowRejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv import report [RUN] [--site SITE]}: an import run and the rows it rejected. */
@Command(name = "report", description = {"Show an import run and the rows it rejected, each with its reason and"
        + " the row as the file or HomeSeer wrote it.", "RUN is the import_run an import printed; without it, the"
        + " newest run of --site. piha inv import report --site SITE --list shows the site's runs."})
final class ImportReportCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "an import run id")
    String run;

    @Option(names = "--site", description = "the site whose newest run to show (or list)")
    String site;

    @Option(names = "--list", description = "list the site's runs, newest first")
    boolean list;

    @Option(names = "--limit", defaultValue = "20", description = "runs to list (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        InvCommand inv = parent.inv;
        return inv.guard(() -> {
            if (list) {
                UUID siteId = inv.site(required(site)).id();
                inv.print(List.of("run", "source", "actor", "started", "accepted", "rejected"),
                        inv.store().importRuns().list(siteId, limit).stream().map(r -> List.of(r.id().toString(),
                                r.source(), r.actor(), r.startedAt().toString(), String.valueOf(r.accepted()),
                                String.valueOf(r.rejected()))).toList());
                return ExitCode.OK.code();
            }
            ImportRun r = find(inv);
            List<RowRejection> rejected = inv.store().importRuns().rejections(r.id());
            if (inv.json) {
                Map<String, Object> m = new LinkedHashMap<>(describe(r));
                m.put("rejections", rejected.stream().map(x -> Map.of("row", x.row(), "value", x.value(),
                        "reason", x.reason(), "raw", x.raw())).toList());
                inv.printJson(m);
            } else {
                describe(r).forEach((k, v) -> inv.out().println(k + ": " + v));
                inv.out().println();
                Table.print(inv.out(), List.of("row", "reason", "raw"),
                        rejected.stream().map(x -> List.of(x.row(), x.reason(), x.raw().replace("\n", " "))).toList());
            }
            return ExitCode.OK.code();
        });
    }

    private ImportRun find(InvCommand inv) {
        if (run != null) {
            UUID id;
            try {
                id = UUID.fromString(run);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("RUN '" + run + "' is not an import run id (a UUID, as the import"
                        + " printed it)", e);
            }
            return inv.store().importRuns().find(id)
                    .orElseThrow(() -> new InventoryException.NotFound("no import run " + run + " (a dry run keeps none)"));
        }
        UUID siteId = inv.site(required(site)).id();
        return inv.store().importRuns().latest(siteId)
                .orElseThrow(() -> new InventoryException.NotFound("site " + site + " has no import runs yet"));
    }

    private static String required(String site) {
        if (site == null) {
            throw new IllegalArgumentException("say which run (RUN) or which site (--site SITE)");
        }
        return site;
    }

    private static Map<String, Object> describe(ImportRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("import_run", r.id().toString());
        m.put("source", r.source());
        m.put("actor", r.actor());
        m.put("started", r.startedAt().toString());
        m.put("finished", r.finishedAt().map(Object::toString).orElse("(never: it failed)"));
        m.put("accepted", r.accepted());
        m.put("rejected", r.rejected());
        r.summary().forEach(m::putIfAbsent);
        return m;
    }
}
