package io.piha.inventory.homeseer;

import io.piha.api.Secret;
import java.util.Objects;

/**
 * The user and password the HomeSeer JSON API is called with. The password is a {@link Secret}: never empty, and
 * {@link #toString()} never shows it.
 *
 * @param user the HomeSeer user
 * @param password the password (kept out of logs and messages)
 * @since 0.1
 */
public record HomeSeerCredentials(String user, Secret password) {

    /** @throws IllegalArgumentException if the user is blank */
    public HomeSeerCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank()) {
            throw new IllegalArgumentException("HomeSeer user must not be blank");
        }
    }
}
