package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.SiteScope;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Create, edit and delete of the records the browser journeys do not touch, through the same forms over HTTP. */
class CrudOverHttpTest {

    static RunningWeb web;
    static Http http;
    static String token;

    @BeforeAll
    static void start() {
        web = Dashboards.start();
        http = new Http(web.url());
        token = http.login(Dashboards.USER, Dashboards.PASSWORD);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static Optional<Network> network(String cidr) {
        return Estate.get().store.networks().findByCidr(Estate.get().tahoe.id(), Cidr.parse(cidr));
    }

    @Test
    void aNetworkIsRefusedByTheCidrAndVlanRulesThenCreatedEditedAndDeleted() {
        String site = Estate.get().tahoe.id().toString();
        HttpResponse<String> refused = http.post("/networks", Map.of("_csrf", token, "site", site,
                "cidr", "192.168.7.1/24", "name", "Guest", "vlan", "5000"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("host bits are set").contains("invalid VLAN id 5000: expected 1-4094")
                .contains("value=\"192.168.7.1/24\"").contains("value=\"Guest\"");
        assertThat(http.post("/networks", Map.of("_csrf", token, "site", site, "cidr", "192.168.7.0/24",
                "name", "Guest", "vlan", "70")).statusCode()).isEqualTo(303);
        Network guest = network("192.168.7.0/24").orElseThrow();
        assertThat(guest.vlan().getAsInt()).isEqualTo(70);
        HttpResponse<String> duplicate = http.post("/networks", Map.of("_csrf", token, "site", site,
                "cidr", "192.168.7.0/24", "name", "Guest again"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("network_cidr_unique");

        assertThat(http.post("/networks/" + guest.id(), Map.of("_csrf", token, "version", "0", "cidr", "192.168.7.0/24",
                "name", "Guest Wi-Fi", "vlan", "70")).statusCode()).isEqualTo(303);
        assertThat(network("192.168.7.0/24").orElseThrow().name()).isEqualTo("Guest Wi-Fi");

        http.post("/networks/" + guest.id() + "/delete", Map.of("_csrf", token, "version", "0"));
        assertThat(http.get("/networks/" + guest.id()).body()).contains("Not deleted").contains("version 0")
                .contains("version 1");
        assertThat(http.post("/networks/" + guest.id() + "/delete", Map.of("_csrf", token, "version", "1"))
                .statusCode()).isEqualTo(303);
        assertThat(network("192.168.7.0/24")).isEmpty();
    }

    @Test
    void anAddressOutsideTheNetworkIsRefusedBesideTheAddressField() {
        Network lan = Estate.get().store.networks().list(SiteScope.of(Estate.get().tahoe.id())).stream()
                .filter(n -> n.name().equals("Cabin LAN")).findFirst().orElseThrow();
        HttpResponse<String> r = http.post("/networks/" + lan.id() + "/allocations", Map.of("_csrf", token,
                "ip", "10.9.9.9", "device", "cabin-nas"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("a-ip-error").contains("ip_inside_network").contains("value=\"10.9.9.9\"");
        assertThat(http.post("/networks/" + lan.id() + "/allocations", Map.of("_csrf", token, "ip", "192.168.1.9",
                "device", "cabin-nas")).statusCode()).isEqualTo(303);
        assertThat(http.get("/networks/" + lan.id()).body()).contains("192.168.1.9").contains("Cabin NAS");
    }

    @Test
    void anOrganisationAndASiteAreCreatedRenamedAndASiteWithNothingInItDeleted() {
        assertThat(http.post("/organisations", Map.of("_csrf", token, "slug", "mehta", "name", "Mehta family"))
                .statusCode()).isEqualTo(303);
        String org = Estate.get().store.organisations().findBySlug(io.piha.api.inventory.Slug.of("mehta"))
                .orElseThrow().id().toString();
        HttpResponse<String> badSlug = http.post("/sites", Map.of("_csrf", token, "organisation", org, "slug",
                "-pune", "name", "Pune"));
        assertThat(badSlug.statusCode()).isEqualTo(422);
        assertThat(badSlug.body()).contains("invalid slug '-pune'");
        assertThat(http.post("/sites", Map.of("_csrf", token, "organisation", org, "slug", "pune", "name", "Pune"))
                .statusCode()).isEqualTo(303);
        var pune = Estate.get().store.sites().findBySlug(io.piha.api.inventory.Slug.of("pune")).get(0);
        assertThat(http.post("/sites/" + pune.id(), Map.of("_csrf", token, "version", "0", "slug", "pune",
                "name", "Pune flat")).statusCode()).isEqualTo(303);
        assertThat(http.get("/sites/" + pune.id()).body()).contains("Mehta family / Pune flat");
        assertThat(http.post("/sites/" + pune.id() + "/delete", Map.of("_csrf", token, "version", "1")).statusCode())
                .isEqualTo(303);
        assertThat(Estate.get().store.sites().findBySlug(io.piha.api.inventory.Slug.of("pune"))).isEmpty();
    }
}
