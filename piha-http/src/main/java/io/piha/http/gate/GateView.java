package io.piha.http.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP gate answers for one service, at the moment of the request.
 *
 * @param service the service, e.g. {@code home-assistant}
 * @param host this host
 * @param mayAct whether this host may act now: it leads at the newest epoch it knows and its lease is valid
 * @param epoch the epoch it leads at when it may act, else the newest epoch it has seen
 * @param holder the host the newest lease it has seen names, if any
 * @param reason why it may not act (or {@code leader}), for people
 * @since 0.1
 */
public record GateView(String service, String host, boolean mayAct, long epoch, Optional<String> holder,
                       String reason) {

    /** @throws NullPointerException if a component is null */
    public GateView {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
    }
}
