package io.piha.inventory.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.inventory.Device;
import io.piha.inventory.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180) and JSON renderings of devices and diffs, for scripts and spreadsheets.
 *
 * @since 0.1
 */
public final class Exports {

    private Exports() {
    }

    /** The diff as CSV: {@code kind,mac,ip,device,last_seen,detail}. */
    public static String diffCsv(SiteDiff diff) {
        StringBuilder out = new StringBuilder("kind,mac,ip,device,last_seen,detail\r\n");
        for (SiteDiff.Entry e : diff.all()) {
            row(out, e.kind(), e.mac(), e.ip(), e.device().orElse(""), e.lastSeen().map(Object::toString).orElse(""),
                    e.detail());
        }
        return out.toString();
    }

    /** The diff as a JSON object with one array per kind. */
    public static String diffJson(SiteDiff diff) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("site", diff.siteId().toString());
        root.put("since", diff.since().toString());
        Map<String, List<SiteDiff.Entry>> parts = Map.of("new", diff.newDevices(), "missing", diff.missing(),
                "ip_conflicts", diff.ipConflicts(), "moved", diff.moved());
        for (String key : List.of("new", "missing", "ip_conflicts", "moved")) {
            ArrayNode array = root.putArray(key);
            for (SiteDiff.Entry e : parts.get(key)) {
                ObjectNode n = array.addObject();
                n.put("mac", e.mac());
                n.put("ip", e.ip());
                n.put("device", e.device().orElse(null));
                n.put("last_seen", e.lastSeen().map(Object::toString).orElse(null));
                n.put("detail", e.detail());
            }
        }
        return write(root);
    }

    /** Devices as CSV: {@code site,slug,name,zone,parent,macs,metadata} (the parent by its slug). */
    public static String devicesCsv(List<Device> devices, Map<java.util.UUID, String> siteSlugs,
                                    Map<java.util.UUID, String> zoneSlugs) {
        StringBuilder out = new StringBuilder("site,slug,name,zone,parent,macs,metadata\r\n");
        Map<java.util.UUID, String> slugs = slugs(devices);
        for (Device d : devices) {
            row(out, siteSlugs.getOrDefault(d.siteId(), d.siteId().toString()), d.slug().value(), d.name(),
                    d.zoneId().map(z -> zoneSlugs.getOrDefault(z, z.toString())).orElse(""),
                    d.parentId().map(p -> slugs.getOrDefault(p, p.toString())).orElse(""),
                    d.macs().stream().map(Object::toString).collect(Collectors.joining(" ")), Json.write(d.metadata()));
        }
        return out.toString();
    }

    /** Devices as a JSON array. */
    public static String devicesJson(List<Device> devices, Map<java.util.UUID, String> siteSlugs,
                                     Map<java.util.UUID, String> zoneSlugs) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        Map<java.util.UUID, String> slugs = slugs(devices);
        for (Device d : devices) {
            ObjectNode n = array.addObject();
            n.put("id", d.id().toString());
            n.put("site", siteSlugs.getOrDefault(d.siteId(), d.siteId().toString()));
            n.put("slug", d.slug().value());
            n.put("name", d.name());
            n.put("zone", d.zoneId().map(z -> zoneSlugs.getOrDefault(z, z.toString())).orElse(null));
            n.put("parent", d.parentId().map(p -> slugs.getOrDefault(p, p.toString())).orElse(null));
            ArrayNode macs = n.putArray("macs");
            d.macs().forEach(m -> macs.add(m.value()));
            ObjectNode meta = n.putObject("metadata");
            new java.util.TreeMap<>(d.metadata()).forEach(meta::put);
            n.put("version", d.version());
        }
        return write(array);
    }

    private static Map<java.util.UUID, String> slugs(List<Device> devices) {
        return devices.stream().collect(Collectors.toMap(Device::id, d -> d.slug().value()));
    }

    static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells[i];
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }

    private static String write(Object node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
