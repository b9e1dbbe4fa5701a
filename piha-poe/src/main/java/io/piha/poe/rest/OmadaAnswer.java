package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.piha.api.recovery.PoeException;
import java.util.Set;

/** An Open API answer: HTTP 200 with {@code errorCode} 0 and a {@code result}, or an error code in words. */
record OmadaAnswer(DeviceHttp.Answer answer) {

    /** The access token expired (-44112) or is invalid (-44113): authorise again. */
    private static final Set<Integer> TOKEN = Set.of(-44112, -44113);
    /** Invalid client id or secret (-44106), forbidden (-1005), no permission on the site (-1505, -1007). */
    private static final Set<Integer> DENIED = Set.of(-44106, -44116, -1005, -1007, -1505);

    static OmadaAnswer of(DeviceHttp.Answer answer) {
        return new OmadaAnswer(answer);
    }

    boolean tokenExpired() {
        return answer.status() == 401 || TOKEN.contains(answer.body().path("errorCode").asInt(0));
    }

    JsonNode result(DeviceHttp http, HttpDeviceConfig config, String label, String method, String path) {
        int code = answer.body().path("errorCode").asInt(Integer.MIN_VALUE);
        String msg = answer.body().path("msg").asText("");
        if (answer.status() == 401 || answer.status() == 403 || DENIED.contains(code) || TOKEN.contains(code)) {
            throw new PoeException.AccessDenied(http.name(), label, "Open API client '" + config.user()
                    + "' refused by " + method + " " + config.baseUri() + path + ": " + (code == Integer.MIN_VALUE
                    ? "HTTP " + answer.status() : "errorCode " + code + " " + msg));
        }
        if (!answer.ok() || code != 0) {
            throw http.unexpected(label, path, answer);
        }
        return answer.body().path("result");
    }
}
