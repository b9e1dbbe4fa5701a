package io.piha.web;

import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.web.internal.Dashboard;
import java.util.Objects;

/**
 * The inventory's web dashboard (seed 004 section 5): overview, organisations, sites, nested zones, devices and
 * networks with full create/edit/delete, a per-session site selector, device search, the topology, imports with
 * live progress, exports and the audit log. It serves on the JDK's HTTP server, behind a login, with a CSRF token
 * on every form and a content security policy that allows nothing but its own files.
 *
 * <pre>{@code
 * try (RunningWeb web = InventoryWeb.start(config, store, MacVendors.builder().build())) {
 *     System.out.println("dashboard at " + web.url());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class InventoryWeb {

    private InventoryWeb() {
    }

    /**
     * Starts serving.
     *
     * @param config where to listen and who may log in
     * @param store the inventory (give it a pooled data source if many people use it)
     * @param vendors fills in the vendor of each MAC of an imported scan
     * @return the running dashboard; close it to stop
     * @throws java.io.UncheckedIOException naming the address if it cannot listen there
     */
    public static RunningWeb start(WebConfig config, InventoryStore store, MacVendors vendors) {
        return Dashboard.start(Objects.requireNonNull(config, "config"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(vendors, "vendors"));
    }
}
