package io.piha.core.explore;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One situation of the modelled home, immutable: the arbiter (its state is also what it persisted, since it persists
 * before every act), the effects it asked for and that are not carried out yet, two hosts, the broker's in-flight
 * messages per recipient and its retained messages, the ghost bookkeeping the invariants need, and the fault budget
 * left.
 *
 * @param now the time of this situation (all clocks agree: order never depends on comparing clocks here)
 * @param arbiter the arbiter's state
 * @param pending the arbiter's effects not carried out yet, in order (probes, power actions, publications)
 * @param hosts the primary (index 0) and the standby (index 1)
 * @param toArbiter messages and probe or power reports on their way to the arbiter
 * @param toPrimary messages on their way to the primary's agent
 * @param toStandby messages on their way to the standby's agent
 * @param retained the broker's retained messages, re-delivered to whoever (re)subscribes
 * @param ghost what happened, as the invariants need to know it (grants, renewals, acknowledgements, fences)
 * @param budget the faults and operator actions still allowed
 */
record World(Instant now, ArbiterState arbiter, List<ArbiterEffect> pending, List<Host> hosts,
             Inbox<ArbiterInput> toArbiter, Inbox<NodeInput> toPrimary, Inbox<NodeInput> toStandby, Retained retained,
             Ghost ghost, Budget budget) {

    World {
        pending = List.copyOf(pending);
        hosts = List.copyOf(hosts);
    }

    World withBudget(Budget b) {
        return new World(now, arbiter, pending, hosts, toArbiter, toPrimary, toStandby, retained, ghost, b);
    }

    Host host(int index) {
        return hosts.get(index);
    }

    Inbox<NodeInput> inboxOf(int host) {
        return host == 0 ? toPrimary : toStandby;
    }

    /** The hosts whose automations are on now. */
    List<HostId> acting() {
        List<HostId> out = new ArrayList<>();
        hosts.forEach(h -> {
            if (h.acts(now)) {
                out.add(h.id());
            }
        });
        return out;
    }

    /** Whether nothing is in flight or pending: the home has settled. */
    boolean quiet() {
        return pending.isEmpty() && toArbiter.isEmpty() && toPrimary.isEmpty() && toStandby.isEmpty();
    }

    /**
     * One Raspberry Pi: its PoE port, its Home Assistant process (hung or up) and its agent.
     *
     * @param id the host
     * @param powered whether its port gives power
     * @param up whether its process runs (a hung process keeps its state and resumes with it)
     * @param node its agent's state
     * @param heartbeatAt when its heartbeat timer fires next, while it leads
     */
    record Host(HostId id, boolean powered, boolean up, NodeState node, Optional<Instant> heartbeatAt) {

        boolean answers() {
            return powered && up;
        }

        /** Automations on: powered, up, and its agent may act by its own clock. */
        boolean acts(Instant now) {
            return answers() && node.mayActAt(now);
        }

        /** The agent (re)started with no memory, as a standby in a new session; the process runs. */
        Host restarted() {
            return new Host(id, powered, true, NodeState.startingUp(id, "s" + (session() + 1)), Optional.empty());
        }

        /** The number of this agent run, from its session id ({@code s<n>}). */
        int session() {
            return Integer.parseInt(node.session().substring(1));
        }

        Host with(NodeState n, Optional<Instant> timer) {
            return new Host(id, powered, up, n, timer);
        }

        Host power(boolean on, boolean running) {
            return new Host(id, on, running, node, heartbeatAt);
        }
    }

    /**
     * A multiset of messages in flight to one recipient: any of them may be delivered next (reordering), lost, or
     * duplicated. The order of the list is arrival order, which only the fair scheduler uses.
     */
    record Inbox<T>(List<T> items) {
        Inbox {
            items = List.copyOf(items);
        }

        static <T> Inbox<T> empty() {
            return new Inbox<>(List.of());
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /**
     * The broker's retained messages: the service's state, the newest heartbeat, the newest lease (one topic each).
     *
     * @param state the retained state
     * @param heartbeat the retained heartbeat
     * @param lease the retained lease
     */
    record Retained(Optional<LeadershipMessage> state, Optional<LeadershipMessage> heartbeat,
                    Optional<LeadershipMessage> lease) {
        static final Retained NONE = new Retained(Optional.empty(), Optional.empty(), Optional.empty());

        Retained with(LeadershipMessage m) {
            if (m instanceof LeadershipMessage.StateChanged) {
                return new Retained(Optional.of(m), heartbeat, lease);
            } else if (m instanceof LeadershipMessage.HeartbeatPublished) {
                return new Retained(state, Optional.of(m), lease);
            } else if (m instanceof LeadershipMessage.LeaseGranted) {
                return new Retained(state, heartbeat, Optional.of(m));
            }
            return this;
        }

        List<LeadershipMessage> all() {
            List<LeadershipMessage> out = new ArrayList<>();
            state.ifPresent(out::add);
            heartbeat.ifPresent(out::add);
            lease.ifPresent(out::add);
            return out;
        }
    }
}
