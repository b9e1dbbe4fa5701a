package io.piha.cli.ops;

import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;

/** A subscription held for a fixed time, to read what the broker retains. */
final class LeadershipBusSubscription {

    private LeadershipBusSubscription() {
    }

    static void collect(LeadershipBus bus, ServiceName service, LeadershipListener listener, Duration during)
            throws InterruptedException {
        LeadershipBus.Subscription sub = bus.subscribe(service, listener);
        try {
            Thread.sleep(during.toMillis());
        } finally {
            sub.close();
        }
    }
}
