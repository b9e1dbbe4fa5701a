package io.piha.inventory.internal;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Sighting;
import io.piha.api.inventory.SightingRepository;
import io.piha.api.inventory.SiteScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads sightings; importers write them. */
public final class JdbiSightingRepository implements SightingRepository {

    private static final String SELECT = "SELECT site_id, mac::text AS mac, host(ip) AS ip, hostname, source,"
            + " first_seen, last_seen, host(previous_ip) AS previous_ip FROM sighting";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiSightingRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Sighting> list(SiteScope scope) {
        return tx.read("list sightings", h -> Scopes.bind(h.createQuery(SELECT + " WHERE "
                + Scopes.condition("site_id", scope) + " ORDER BY site_id, mac, source"), scope)
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<Sighting> findByMac(SiteScope scope, MacAddress mac) {
        return tx.read("find sightings of " + mac, h -> Scopes.bind(h.createQuery(SELECT
                        + " WHERE mac = CAST(:mac AS macaddr) AND site_id IN (" + Scopes.sites(scope) + ")"
                        + " ORDER BY site_id, source"), scope)
                .bind("mac", mac.value()).map((rs, ctx) -> map(rs)).list());
    }

    private static Sighting map(ResultSet rs) throws SQLException {
        String previous = rs.getString("previous_ip");
        return new Sighting(rs.getObject("site_id", UUID.class), MacAddress.parse(rs.getString("mac")),
                IpAddress.parse(rs.getString("ip")), Optional.ofNullable(rs.getString("hostname")),
                rs.getString("source"), rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                previous == null ? Optional.empty() : Optional.of(IpAddress.parse(previous)));
    }

}
