package io.piha.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.Zone;
import io.piha.inventory.query.InventoryQueries.DeviceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A site's graph from what the inventory knows, with positions computed here (a preset layout, so a browser draws
 * 1,000 devices without running a force layout): the site, its groups (each IP network; each HomeSeer interface
 * such as Z-Wave; "unlinked" for devices nothing places), and the devices of each group in a grid under it. A
 * device hangs off its parent device when HomeSeer names one (a child's associated device), else off the network
 * its last seen address is in, else off its HomeSeer interface, else it is unlinked.
 */
final class Topology {

    private static final int GAP = 70;

    private record Group(String id, String label, String type, List<DeviceSummary> members) {
    }

    private Topology() {
    }

    static String json(String siteName, List<Network> networks, List<Zone> zones, List<DeviceSummary> devices) {
        Map<UUID, Optional<UUID>> zoneParents = new HashMap<>();
        zones.forEach(z -> zoneParents.put(z.id(), z.parentId()));
        Map<String, DeviceSummary> byRef = new HashMap<>();
        devices.forEach(d -> Optional.ofNullable(d.device().metadata().get("homeseer.ref")).ifPresent(r -> byRef.put(r, d)));
        Map<String, Group> groups = new LinkedHashMap<>();
        networks.forEach(n -> groups.put("net-" + n.id(), new Group("net-" + n.id(), n.name() + " " + n.cidr()
                + (n.vlan().isPresent() ? " VLAN " + n.vlan().getAsInt() : ""), "ip", new ArrayList<>())));
        Map<UUID, String> parentOf = new HashMap<>();
        for (DeviceSummary d : devices) {
            Optional<DeviceSummary> parent = parent(d, byRef);
            if (parent.isPresent()) {
                parentOf.put(d.device().id(), parent.get().device().id().toString());
                continue;
            }
            String group = networks.stream().filter(n -> d.ip().map(ip -> n.cidr().contains(ip)).orElse(false))
                    .map(n -> "net-" + n.id()).findFirst().orElseGet(() -> interfaceGroup(d, groups));
            groups.computeIfAbsent(group, g -> new Group(g, "Unlinked devices", "unlinked", new ArrayList<>()))
                    .members().add(d);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        ArrayNode edges = root.putArray("edges");
        node(nodes, "site", siteName, "site", 0, -3 * GAP);
        Map<String, List<DeviceSummary>> children = new HashMap<>();
        devices.stream().filter(d -> parentOf.containsKey(d.device().id()))
                .forEach(d -> children.computeIfAbsent(parentOf.get(d.device().id()), k -> new ArrayList<>()).add(d));
        int x = 0;
        for (Group g : groups.values()) {
            List<DeviceSummary> ordered = new ArrayList<>();
            g.members().forEach(d -> withChildren(d, children, ordered, 0));
            int columns = Math.max(1, (int) Math.ceil(Math.sqrt(ordered.size())));
            int width = columns * GAP;
            node(nodes, g.id(), g.label(), g.type(), x + width / 2.0, -GAP).put("group", g.type());
            edge(edges, "site", g.id(), "");
            for (int i = 0; i < ordered.size(); i++) {
                DeviceSummary d = ordered.get(i);
                String id = d.device().id().toString();
                ObjectNode n = node(nodes, id, d.device().name(), "device", x + (i % columns) * GAP + GAP / 2.0,
                        (i / columns) * GAP);
                n.put("status", d.status().name().toLowerCase(Locale.ROOT)).put("group", g.type())
                        .put("ip", d.ip().map(Object::toString).orElse("")).put("zone", d.zoneName().orElse(""))
                        .put("vendor", d.vendor().orElse(""));
                ArrayNode zonePath = n.putArray("zones");
                d.device().zoneId().ifPresent(z -> ancestors(z, zoneParents).forEach(a -> zonePath.add(a.toString())));
                String from = parentOf.getOrDefault(d.device().id(), g.id());
                edge(edges, from, id, parentOf.containsKey(d.device().id()) ? "child" : d.ip().map(Object::toString).orElse(""));
            }
            x += width + 2 * GAP;
        }
        return root.toString();
    }

    private static Optional<DeviceSummary> parent(DeviceSummary d, Map<String, DeviceSummary> byRef) {
        Map<String, String> m = d.device().metadata();
        if (!"child".equals(m.get("homeseer.relationship"))) {
            return Optional.empty();
        }
        String associated = m.getOrDefault("homeseer.associated_devices", "");
        return java.util.Arrays.stream(associated.split("[,\\s]+")).filter(s -> !s.isBlank()).map(byRef::get)
                .filter(p -> p != null && !p.device().id().equals(d.device().id())).findFirst();
    }

    private static String interfaceGroup(DeviceSummary d, Map<String, Group> groups) {
        String iface = d.device().metadata().getOrDefault("homeseer.interface", "").strip();
        if (iface.isEmpty()) {
            return "unlinked";
        }
        String type = iface.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String id = "if-" + type;
        groups.computeIfAbsent(id, k -> new Group(id, iface, type, new ArrayList<>()));
        return id;
    }

    private static void withChildren(DeviceSummary d, Map<String, List<DeviceSummary>> children,
                                     List<DeviceSummary> out, int depth) {
        out.add(d);
        if (depth < 8) {
            children.getOrDefault(d.device().id().toString(), List.of()).forEach(c -> withChildren(c, children, out, depth + 1));
        }
    }

    private static List<UUID> ancestors(UUID zone, Map<UUID, Optional<UUID>> parents) {
        List<UUID> out = new ArrayList<>();
        Optional<UUID> at = Optional.of(zone);
        while (at.isPresent() && out.size() < 64 && !out.contains(at.get())) {
            out.add(at.get());
            at = parents.getOrDefault(at.get(), Optional.empty());
        }
        return out;
    }

    private static ObjectNode node(ArrayNode nodes, String id, String label, String kind, double x, double y) {
        ObjectNode n = nodes.addObject();
        n.putObject("data").put("id", id).put("label", label).put("kind", kind);
        n.putObject("position").put("x", x).put("y", y);
        return (ObjectNode) n.get("data");
    }

    private static void edge(ArrayNode edges, String from, String to, String label) {
        edges.addObject().putObject("data").put("id", from + ">" + to).put("source", from).put("target", to)
                .put("label", label);
    }
}
