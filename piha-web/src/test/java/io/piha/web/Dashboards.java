package io.piha.web;

import io.piha.inventory.oui.MacVendors;

/** Starts a dashboard on the suite's estate: 127.0.0.1, a free port, user {@value #USER}. */
final class Dashboards {

    static final String USER = "rohit";
    static final String PASSWORD = "correct horse battery staple";
    /** Fewer iterations than a real hash, so that each test's login is quick; the code path is the same. */
    static final PasswordHash HASH = PasswordHash.of(PASSWORD.toCharArray(), 20_000);

    private Dashboards() {
    }

    static WebConfig.Builder config() {
        return WebConfig.custom(Login.password(USER, HASH)).port(0);
    }

    static RunningWeb start() {
        return start(config().build());
    }

    static RunningWeb start(WebConfig config) {
        return InventoryWeb.start(config, Estate.get().store, MacVendors.builder().build());
    }
}
