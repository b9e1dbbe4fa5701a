package io.piha.poe.rest;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** A Tasmota relay board answering /cm?cmnd= web commands, with a web password set. */
final class FakeTasmota extends FakeDevice {

    private static final Pattern POWER = Pattern.compile("(?i)Power(\\d+)(?: (On|Off))?");
    private static final Pattern CYCLE = Pattern.compile("(?i)Backlog Power(\\d+) Off; Delay (\\d+); Power(\\d+) On");
    private final String password;

    FakeTasmota(String password, Set<String> relays) {
        super(relays);
        this.password = password;
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        if (!"admin".equals(url.queryParameter("user")) || !password.equals(url.queryParameter("password"))) {
            return json(401, "{\"WARNING\":\"Need user=<username>&password=<password>\"}");
        }
        String cmnd = url.queryParameter("cmnd");
        Matcher cycle = CYCLE.matcher(cmnd);
        if (cycle.matches()) {
            String relay = cycle.group(1);
            if (!knows(relay)) {
                return json(200, "{\"Command\":\"Unknown\"}");
            }
            power(relay, false);
            later(Duration.ofMillis(100L * Long.parseLong(cycle.group(2))), () -> power(relay, true));
            return json(200, "{\"POWER" + relay + "\":\"OFF\"}");
        }
        Matcher power = POWER.matcher(cmnd);
        if (!power.matches() || !knows(power.group(1))) {
            return json(200, "{\"Command\":\"Unknown\"}");
        }
        String relay = power.group(1);
        if (power.group(2) != null) {
            power(relay, power.group(2).equalsIgnoreCase("On"));
        }
        return json(200, "{\"POWER" + relay + "\":\"" + (isPowered(relay) ? "ON" : "OFF") + "\"}");
    }
}
