/**
 * The decisions of the SDK, free of I/O: state machines that take {@code (state, input, now)} and return
 * a {@link io.piha.core.Decision} of {@code (state', effects)}. Threads, sockets, timers and clocks live
 * at the edges (the agent and control-plane runners), which carry out the effects.
 *
 * @since 0.1
 */
package io.piha.core;
