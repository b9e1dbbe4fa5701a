package io.piha.inventory.internal;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.query.InventoryQueries.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The condition of a device search as SQL over {@code device d}, with its parameters. A whole MAC or IP address is
 * looked up by key; a part of one, a name or a vendor is a substring match (LIKE wildcards in the text are matched
 * literally).
 */
record DeviceFilter(String sql, Map<String, Object> parameters) {

    private static final String SIGHTED = "SELECT dm.device_id FROM sighting s JOIN device_mac dm"
            + " ON dm.site_id = s.site_id AND dm.mac = s.mac WHERE s.site_id IN (%s) AND %s";

    static DeviceFilter of(Field field, String text, String sites) {
        if (text.isEmpty()) {
            return new DeviceFilter("TRUE", Map.of());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        String pattern = "%" + literal(text) + "%";
        List<String> any = new ArrayList<>();
        if (field == Field.ANY || field == Field.NAME) {
            p.put("namePattern", pattern);
            any.add("(d.name ILIKE :namePattern OR d.slug ILIKE :namePattern)");
        }
        if (field == Field.ANY || field == Field.MAC) {
            any.add(mac(text, sites, p));
        }
        if (field == Field.ANY || field == Field.IP) {
            any.add(ip(text, sites, p));
        }
        if (field == Field.ANY || field == Field.VENDOR) {
            p.put("vendorPattern", pattern);
            any.add("(d.metadata ->> 'vendor' ILIKE :vendorPattern OR d.id IN ("
                    + SIGHTED.formatted(sites, "s.vendor ILIKE :vendorPattern") + "))");
        }
        return new DeviceFilter("(" + String.join(" OR ", any) + ")", p);
    }

    private static String mac(String text, String sites, Map<String, Object> p) {
        try {
            p.put("mac", MacAddress.parse(text).value());
            return "d.id IN (SELECT dm.device_id FROM device_mac dm WHERE dm.site_id IN (" + sites
                    + ") AND dm.mac = CAST(:mac AS macaddr))";
        } catch (IllegalArgumentException notWhole) {
            String hex = text.replace(":", "").replace("-", "").replace(".", "").toLowerCase(Locale.ROOT);
            if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return "FALSE";
            }
            p.put("macDigits", "%" + hex + "%");
            return "d.id IN (SELECT dm.device_id FROM device_mac dm WHERE dm.site_id IN (" + sites
                    + ") AND replace(dm.mac::text, ':', '') LIKE :macDigits)";
        }
    }

    private static String ip(String text, String sites, Map<String, Object> p) {
        try {
            p.put("ip", IpAddress.parse(text).value());
            // one subquery (a union), so the few devices it finds drive the lookup instead of a scan of every device
            return "d.id IN (" + SIGHTED.formatted(sites, "s.ip = CAST(:ip AS inet)") + " UNION SELECT a.device_id"
                    + " FROM ip_allocation a WHERE a.ip = CAST(:ip AS inet))";
        } catch (IllegalArgumentException notWhole) {
            if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return "FALSE";
            }
            p.put("ipPrefix", literal(text.toLowerCase(Locale.ROOT)) + "%");
            return "d.id IN (" + SIGHTED.formatted(sites, "host(s.ip) LIKE :ipPrefix") + ")";
        }
    }

    /** The text with LIKE's wildcards and escape character escaped. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        parameters.forEach(statement::bind);
        return statement;
    }
}
