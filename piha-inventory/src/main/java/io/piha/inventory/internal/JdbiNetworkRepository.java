package io.piha.inventory.internal;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.IpAllocation;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.NetworkRepository;
import io.piha.api.inventory.SiteScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Networks and their intended IP allocations in PostgreSQL ({@code cidr} and {@code inet} columns). */
public final class JdbiNetworkRepository implements NetworkRepository {

    private static final String SELECT = "SELECT id, site_id, cidr::text AS cidr, vlan, name, version FROM network";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiNetworkRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Network create(Network value, String actor) {
        return tx.write(actor, Optional.empty(), "create network " + value.cidr(), h -> {
            h.createUpdate("INSERT INTO network (id, site_id, cidr, vlan, name)"
                            + " VALUES (:id, :site, CAST(:cidr AS cidr), CAST(:vlan AS integer), :name)")
                    .bind("id", value.id()).bind("site", value.siteId()).bind("cidr", value.cidr().toString())
                    .bindByType("vlan", value.vlan().isPresent() ? value.vlan().getAsInt() : null, Integer.class)
                    .bind("name", value.name()).execute();
            return new Network(value.id(), value.siteId(), value.cidr(), value.vlan(), value.name(), 0);
        });
    }

    @Override
    public Optional<Network> find(SiteScope scope, UUID id) {
        return tx.read("find network " + id, h -> Scopes.bind(h.createQuery(SELECT + " WHERE id = :id AND "
                + Scopes.condition("site_id", scope)), scope).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Network> list(SiteScope scope) {
        return tx.read("list networks", h -> Scopes.bind(h.createQuery(SELECT + " WHERE " + Scopes.condition("site_id", scope)
                + " ORDER BY site_id, cidr"), scope).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Optional<Network> findByCidr(UUID siteId, Cidr cidr) {
        return tx.read("find network " + cidr, h -> h.createQuery(SELECT
                        + " WHERE site_id = :site AND cidr = CAST(:cidr AS cidr)")
                .bind("site", siteId).bind("cidr", cidr.toString()).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Network update(Network value, String actor) {
        return tx.write(actor, Optional.empty(), "update network " + value.cidr(), h -> {
            int rows = h.createUpdate("UPDATE network SET cidr = CAST(:cidr AS cidr), vlan = CAST(:vlan AS integer), name = :name,"
                            + " version = version + 1 WHERE id = :id AND site_id = :site AND version = :version")
                    .bind("id", value.id()).bind("site", value.siteId()).bind("cidr", value.cidr().toString())
                    .bindByType("vlan", value.vlan().isPresent() ? value.vlan().getAsInt() : null, Integer.class)
                    .bind("name", value.name()).bind("version", value.version()).execute();
            Versioned.requireOneRow(h, rows, "network", value.id(), value.version());
            return new Network(value.id(), value.siteId(), value.cidr(), value.vlan(), value.name(),
                    value.version() + 1);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion, String actor) {
        tx.write(actor, Optional.empty(), "delete network " + id, h -> {
            int rows = h.createUpdate("DELETE FROM network WHERE id = :id AND version = :version")
                    .bind("id", id).bind("version", expectedVersion).execute();
            Versioned.requireOneRow(h, rows, "network", id, expectedVersion);
            return null;
        });
    }

    @Override
    public IpAllocation allocate(UUID networkId, IpAddress ip, Optional<UUID> deviceId, String actor) {
        return tx.write(actor, Optional.empty(), "allocate " + ip + " in network " + networkId, h -> {
            h.createUpdate("INSERT INTO ip_allocation (id, network_id, ip, device_id)"
                            + " VALUES (:id, :network, CAST(:ip AS inet), CAST(:device AS uuid))")
                    .bind("id", UUID.randomUUID()).bind("network", networkId).bind("ip", ip.value())
                    .bindByType("device", deviceId.orElse(null), UUID.class).execute();
            return new IpAllocation(networkId, ip, deviceId);
        });
    }

    @Override
    public List<IpAllocation> allocations(SiteScope scope) {
        return tx.read("list allocations", h -> Scopes.bind(h.createQuery("SELECT a.network_id, host(a.ip) AS ip,"
                        + " a.device_id FROM ip_allocation a JOIN network n ON n.id = a.network_id WHERE "
                        + Scopes.condition("n.site_id", scope) + " ORDER BY a.network_id, a.ip"), scope)
                .map((rs, ctx) -> new IpAllocation(rs.getObject("network_id", UUID.class),
                        IpAddress.parse(rs.getString("ip")), Optional.ofNullable(rs.getObject("device_id", UUID.class))))
                .list());
    }

    private static Network map(ResultSet rs) throws SQLException {
        int vlan = rs.getInt("vlan");
        OptionalInt v = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(vlan);
        return new Network(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                Cidr.parse(rs.getString("cidr")), v, rs.getString("name"), rs.getLong("version"));
    }
}
