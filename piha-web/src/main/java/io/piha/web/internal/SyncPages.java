package io.piha.web.internal;

import io.piha.api.Secret;
import io.piha.api.inventory.InventoryException;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.homeseer.HomeSeerClient;
import io.piha.inventory.homeseer.HomeSeerCredentials;
import io.piha.inventory.homeseer.HomeSeerImporter;
import io.piha.inventory.homeseer.HomeSeerSyncResult;
import io.piha.inventory.homeseer.PseudoLocations;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.inventory.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code /sync}: runs the scan and HomeSeer imports in the background, one at a time, with live progress (the job
 * page polls a fragment every half second through htmx) and their reports, rejected rows included; lists the
 * import runs the database keeps.
 */
final class SyncPages implements AutoCloseable {

    private final Web web;
    private final MacVendors vendors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "piha-web-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, ImportJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>());

    SyncPages(Web web, MacVendors vendors) {
        this.web = web;
        this.vendors = vendors;
    }

    void register(Router r) {
        r.get("/sync", x -> show(x, 200, Map.of(), Map.of()));
        r.post("/sync/scan", this::scan);
        r.post("/sync/homeseer", this::homeseer);
        r.get("/sync/jobs/{id}", x -> {
            ImportJob job = jobs.get(Web.uuid(x.param("id")));
            if (job == null) {
                throw new InventoryException.NotFound("There is no import " + x.param("id")
                        + " (the list of imports starts afresh when the dashboard restarts)");
            }
            if (x.isHtmx()) {
                web.fragment(x, 200, "job.jte", Map.of("job", job));
            } else {
                web.page(x, 200, "job-page.jte", job.title(), "sync", Map.of("job", job));
            }
        });
    }

    private void show(Exchange x, int status, Map<String, String> typed, Map<String, String> errors) {
        List<ImportJob> recent;
        synchronized (jobs) {
            recent = new ArrayList<>(jobs.values());
        }
        Collections.reverse(recent);
        Map<String, String> values = new HashMap<>(typed);
        values.putIfAbsent("site", x.session().site().map(UUID::toString).orElse(""));
        web.page(x, status, "sync.jte", "Sync", "sync", Map.of("jobs", recent, "runs",
                web.queries().importRuns(web.scope(x), 20), "sites", web.siteLabels(x),
                "siteOptions", Web.options(web.sites(x), s -> s.id().toString(), s -> web.siteLabels(x).get(s.id()),
                        values.get("site")), "typed", values, "errors", errors,
                "homeSeerPassword", web.config().homeSeerPassword().isPresent()));
    }

    private void scan(Exchange x) {
        Checks c = new Checks(x.form());
        Optional<UUID> site = c.field("site", Fields::requiredSite);
        boolean apply = x.field("mode").equals("apply");
        Optional<ScanFile> file = x.file("file").filter(f -> f.content().length > 0).map(f -> {
            try {
                return ScanFile.parse(new String(f.content(), StandardCharsets.UTF_8), web.config().clock().instant(),
                        f.fileName());
            } catch (InventoryException e) {
                c.error("file", e.getMessage());
                return null;
            }
        });
        if (file.isEmpty()) {
            c.error("file", "choose the scan's JSON file");
        }
        if (!c.ok()) {
            show(x, 422, x.form(), c.errors());
            return;
        }
        String name = x.file("file").get().fileName();
        ImportJob job = start(x, (apply ? "Scan import of " : "Dry run of scan ") + name, site.get());
        ScanImporter importer = new ScanImporter(web.store(), vendors, FieldOwnership.ofDefaults());
        String actor = x.user();
        worker.execute(() -> run(job, () -> report(job, apply ? importer.apply(site.get(), file.get(), actor, job)
                : importer.dryRun(site.get(), file.get(), actor))));
        x.redirect("/sync/jobs/" + job.id());
    }

    private void homeseer(Exchange x) {
        Checks c = new Checks(x.form());
        Optional<UUID> site = c.field("site", Fields::requiredSite);
        Optional<HttpUrl> url = c.field("url", u -> Optional.ofNullable(HttpUrl.parse(u)).orElseThrow(() ->
                new IllegalArgumentException("'" + u + "' is not an http(s) address, e.g. http://192.168.68.56")));
        String user = x.field("user").strip();
        if (!user.isEmpty() && web.config().homeSeerPassword().isEmpty()) {
            c.error("user", "a HomeSeer user needs a password, and none is configured for the dashboard "
                    + "(PIHA_HOMESEER_PASSWORD): configure it, or leave the user empty if HomeSeer needs none");
        }
        if (!c.ok()) {
            show(x, 422, x.form(), c.errors());
            return;
        }
        boolean full = !x.field("mode").equals("incremental");
        Optional<HomeSeerCredentials> credentials = user.isEmpty() ? Optional.empty() : Optional.of(
                new HomeSeerCredentials(user, web.config().homeSeerPassword().orElseThrow()));
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS).build();
        HomeSeerImporter importer = new HomeSeerImporter(web.store(), new HomeSeerClient(http, url.get(), credentials),
                FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults());
        ImportJob job = start(x, (full ? "Full" : "Incremental") + " HomeSeer sync from " + url.get().host(), site.get());
        String actor = x.user();
        worker.execute(() -> run(job, () -> report(job, importer.sync(site.get(), full, actor, job))));
        x.redirect("/sync/jobs/" + job.id());
    }

    private ImportJob start(Exchange x, String title, UUID site) {
        ImportJob job = new ImportJob(title, web.siteLabels(x).getOrDefault(site, site.toString()), web.config().clock());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            if (jobs.size() > 20) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        return job;
    }

    private static void run(ImportJob job, Runnable work) {
        try {
            work.run();
        } catch (InventoryException | IllegalArgumentException e) {
            job.failed(e.getMessage());
        } catch (RuntimeException e) {
            job.failed("the import failed: " + e);
        }
    }

    private static void report(ImportJob job, ScanResult r) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("import run", r.dryRun() ? "(dry run: nothing written)" : r.importRunId().toString());
        counts.put("rows accepted", String.valueOf(r.accepted()));
        counts.put("rows rejected", String.valueOf(r.rejected().size()));
        counts.put("new MACs", String.valueOf(r.newMacs().size()));
        counts.put("devices created", String.valueOf(r.devicesCreated()));
        counts.put("devices renamed", String.valueOf(r.devicesRenamed()));
        counts.put("fields kept (a stronger source owns them)", String.valueOf(r.fieldsKept()));
        counts.put("sightings written", String.valueOf(r.sightingsWritten()));
        job.done(counts, r.rejected(), r.moved().stream().limit(500)
                .map(m -> "moved: " + m.mac() + " " + m.from() + " -> " + m.to()).toList());
    }

    private static void report(ImportJob job, HomeSeerSyncResult r) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("import run", r.importRunId().toString());
        counts.put("sync", r.full() ? "full" : "incremental");
        counts.put("devices HomeSeer reported", String.valueOf(r.seen()));
        counts.put("created", String.valueOf(r.created()));
        counts.put("updated", String.valueOf(r.updated()));
        counts.put("unchanged", String.valueOf(r.unchanged()));
        counts.put("skipped (unchanged since the last sync)", String.valueOf(r.skipped()));
        counts.put("fields kept (a stronger source owns them)", String.valueOf(r.fieldsKept()));
        counts.put("rejected", String.valueOf(r.rejected().size()));
        job.done(counts, r.rejected(), r.missing().stream().map(k -> "no longer in HomeSeer: " + k).toList());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
