package io.piha.web.internal;

import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.web.RunningWeb;
import io.piha.web.WebConfig;
import java.net.URI;

/** Wires the pages to the server. */
public final class Dashboard implements RunningWeb {

    private final WebServer server;
    private final SyncPages sync;

    private Dashboard(WebServer server, SyncPages sync) {
        this.server = server;
        this.sync = sync;
    }

    /** Starts the dashboard. */
    public static Dashboard start(WebConfig config, InventoryStore store, MacVendors vendors) {
        Templates templates = new Templates();
        Web web = new Web(config, store, templates);
        Sessions sessions = new Sessions(config.clock(), config.sessionIdle());
        Router router = new Router();
        new LoginPage(web, sessions).register(router);
        new OverviewPage(web).register(router);
        new OrganisationPages(web).register(router);
        new SitePages(web).register(router);
        new ZonePages(web).register(router);
        new DevicePages(web).register(router);
        new NetworkPages(web).register(router);
        new TopologyPage(web).register(router);
        SyncPages sync = new SyncPages(web, vendors);
        sync.register(router);
        new ReportPages(web).register(router);
        new AuditPages(web).register(router);
        return new Dashboard(new WebServer(config, router, sessions, templates), sync);
    }

    @Override
    public URI url() {
        return server.url();
    }

    @Override
    public void close() {
        sync.close();
        server.close();
    }
}
