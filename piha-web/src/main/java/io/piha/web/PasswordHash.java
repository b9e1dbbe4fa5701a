package io.piha.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash for the dashboard's login: PBKDF2 with HMAC-SHA-256 from the JDK ({@code PBKDF2WithHmacSHA256}),
 * a 16-byte random salt and {@value #DEFAULT_ITERATIONS} iterations by default (OWASP's figure for this function).
 * Written as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (unpadded Base64), so it can live in a config file
 * or an environment variable; it is not the password, but it is still never shown in a page. Immutable.
 *
 * @since 0.1
 */
public final class PasswordHash {

    /** Iterations of a new hash. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("password hash iterations " + iterations + " are too few (at least 10000)");
        }
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a password with a new random salt and {@value #DEFAULT_ITERATIONS} iterations.
     *
     * @throws IllegalArgumentException if the password is empty
     */
    public static PasswordHash of(char[] password) {
        return of(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes a password with a new random salt and the given iterations (at least 10,000).
     *
     * @throws IllegalArgumentException if the password is empty or the iterations too few
     */
    public static PasswordHash of(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * Reads the written form.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the text, which may be a password
     *                                  pasted by mistake)
     */
    public static PasswordHash parse(String text) {
        Objects.requireNonNull(text, "password hash");
        String[] parts = text.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("a password hash looks like " + PREFIX
                    + "$<iterations>$<salt>$<hash>: make one with `piha inv web --hash-password`");
        }
        int iterations;
        byte[] salt;
        byte[] hash;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            iterations = Integer.parseInt(parts[1]);
            salt = b64.decode(parts[2]);
            hash = b64.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the password hash is damaged (iterations, salt or hash unreadable):"
                    + " make a new one with `piha inv web --hash-password`", e);
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** Whether the password is the one hashed; compares in constant time. */
    public boolean matches(char[] password) {
        return password.length > 0 && MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The written form, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Redacted: a hash belongs in a config file, not in a log. */
    @Override
    public String toString() {
        return "PasswordHash[" + PREFIX + ", " + iterations + " iterations]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
