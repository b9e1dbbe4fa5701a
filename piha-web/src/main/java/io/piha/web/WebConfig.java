package io.piha.web;

import io.piha.api.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the dashboard serves: where it listens, who may log in, how long a session lasts. Immutable; built by
 * {@link #custom(Login)}, which validates eagerly and names the bad value.
 *
 * <pre>{@code
 * WebConfig config = WebConfig.custom(Login.password("rohit", PasswordHash.parse(System.getenv("PIHA_WEB_PASSWORD_HASH"))))
 *         .port(8080).build();
 * }</pre>
 *
 * @param bindAddress the address to listen on; default {@value #DEFAULT_BIND_ADDRESS} (only this machine)
 * @param port the port; 0 picks a free one; default {@value #DEFAULT_PORT}
 * @param login how users are known
 * @param sessionIdle a session unused for this long is forgotten; default {@link #DEFAULT_SESSION_IDLE}
 * @param onlineWindow a device seen within this window is online, else offline; default {@link #DEFAULT_ONLINE_WINDOW}
 * @param secureCookies whether the session cookie is marked {@code Secure} (behind an HTTPS proxy); default false
 * @param homeSeerPassword the password of the HomeSeer user named on the sync page, if HomeSeer asks for one
 * @param maxUploadBytes the largest request body accepted (a scan file); default {@value #DEFAULT_MAX_UPLOAD_BYTES}
 * @param clock the time of sessions and of the online window; default the system's, UTC
 * @since 0.1
 */
public record WebConfig(String bindAddress, int port, Login login, Duration sessionIdle, Duration onlineWindow,
                        boolean secureCookies, Optional<Secret> homeSeerPassword, long maxUploadBytes, Clock clock) {

    /** Only this machine (a reverse proxy or an SSH tunnel brings others). */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Eight hours: a working day. */
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofHours(8);
    /** One hour: a scan every 15 minutes (the seed's schedule) sees an online device several times in it. */
    public static final Duration DEFAULT_ONLINE_WINDOW = Duration.ofHours(1);
    /** 64 MiB: a scan of 100,000 devices is about 10 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 20;

    /** @throws IllegalArgumentException naming the bad value */
    public WebConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(onlineWindow, "onlineWindow");
        Objects.requireNonNull(homeSeerPassword, "homeSeerPassword");
        Objects.requireNonNull(clock, "clock");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("session idle time " + sessionIdle + " must be positive");
        }
        if (onlineWindow.isNegative() || onlineWindow.isZero()) {
            throw new IllegalArgumentException("online window " + onlineWindow + " must be positive");
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("max upload " + maxUploadBytes + " bytes is too small (at least 1024)");
        }
    }

    /** A builder with the defaults and this login. */
    public static Builder custom(Login login) {
        return new Builder(login);
    }

    /** Builds a {@link WebConfig}; not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = DEFAULT_PORT;
        private final Login login;
        private Duration sessionIdle = DEFAULT_SESSION_IDLE;
        private Duration onlineWindow = DEFAULT_ONLINE_WINDOW;
        private boolean secureCookies;
        private Optional<Secret> homeSeerPassword = Optional.empty();
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder(Login login) {
            this.login = Objects.requireNonNull(login, "login");
        }

        /** The address to listen on, e.g. {@code 0.0.0.0} to be reached from the VPN. */
        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** How long an unused session lasts. */
        public Builder sessionIdle(Duration value) {
            sessionIdle = value;
            return this;
        }

        /** How recently a device must have been seen to count as online. */
        public Builder onlineWindow(Duration value) {
            onlineWindow = value;
            return this;
        }

        /** Marks the session cookie {@code Secure}: set it when users reach the dashboard over HTTPS. */
        public Builder secureCookies(boolean value) {
            secureCookies = value;
            return this;
        }

        /** The HomeSeer password sent with the user the sync page names. */
        public Builder homeSeerPassword(Optional<Secret> value) {
            homeSeerPassword = value;
            return this;
        }

        /** The largest request body accepted. */
        public Builder maxUploadBytes(long value) {
            maxUploadBytes = value;
            return this;
        }

        /** The clock of sessions and of the online window. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public WebConfig build() {
            return new WebConfig(bindAddress, port, login, sessionIdle, onlineWindow, secureCookies, homeSeerPassword,
                    maxUploadBytes, clock);
        }
    }
}
