package io.piha.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.InventoryException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@code /audit}: the audit log of the selected sites, newest first, and each entry's before/after diff. */
public final class AuditPages {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One field of a change.
     *
     * @param field the field
     * @param before its value before, empty if it had none
     * @param after its value after, empty if it has none
     * @param changed whether the value differs
     */
    public record Line(String field, String before, String after, boolean changed) {
    }

    private final Web web;

    AuditPages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/audit", x -> {
            Optional<Long> before = x.query("before").map(AuditPages::number);
            List<AuditRecord> entries = web.queries().auditPage(web.scope(x), before, PAGE_SIZE);
            Optional<Long> next = entries.size() == PAGE_SIZE ? Optional.of(entries.get(PAGE_SIZE - 1).id())
                    : Optional.empty();
            web.page(x, 200, "audit.jte", "Audit log", "audit", Map.of("entries", entries, "next", next,
                    "sites", web.siteLabels(x)));
        });
        r.get("/audit/{id}", x -> {
            AuditRecord e = web.queries().auditEntry(web.scope(x), number(x.param("id"))).orElseThrow(() ->
                    new InventoryException.NotFound("There is no audit entry " + x.param("id") + " in your sites"));
            Map<String, Object> params = Map.of("entry", e, "lines", diff(e.before(), e.after()));
            if (x.isHtmx()) {
                web.fragment(x, 200, "audit-diff.jte", params);
            } else {
                web.page(x, 200, "audit-entry.jte", "Audit entry " + e.id(), "audit", params);
            }
        });
    }

    /** Field by field: every field of either document, changed ones marked. */
    static List<Line> diff(Optional<String> before, Optional<String> after) {
        JsonNode b = parse(before);
        JsonNode a = parse(after);
        TreeSet<String> fields = new TreeSet<>();
        b.fieldNames().forEachRemaining(fields::add);
        a.fieldNames().forEachRemaining(fields::add);
        List<Line> out = new ArrayList<>();
        for (String f : fields) {
            String was = text(b.get(f));
            String is = text(a.get(f));
            out.add(new Line(f, was, is, !was.equals(is)));
        }
        return out;
    }

    private static JsonNode parse(Optional<String> json) {
        try {
            return json.isEmpty() ? JSON.createObjectNode() : JSON.readTree(json.get());
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("(unreadable)", json.get());
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isObject()) {
            return n.isValueNode() ? n.asText() : n.toString();
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            parts.add(k + "=" + text(n.get(k)));
        }
        return String.join(", ", parts);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WebServer.BadRequest("'" + text + "' is not an audit entry number");
        }
    }
}
