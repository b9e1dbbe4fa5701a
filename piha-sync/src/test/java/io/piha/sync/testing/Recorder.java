package io.piha.sync.testing;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert, audit entry and sync event, in order, for assertions. */
public final class Recorder implements AlertSink, AuditLog, SyncListener {

    public final List<Alert> alerts = new CopyOnWriteArrayList<>();
    public final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    public final List<SyncEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void send(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void record(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public void onEvent(SyncEvent event) {
        events.add(event);
    }
}
