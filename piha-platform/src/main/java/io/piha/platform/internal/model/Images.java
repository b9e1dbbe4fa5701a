package io.piha.platform.internal.model;

import java.util.Optional;

/** Splits image references: {@code registry/repo/name:tag@sha256:digest}. */
public final class Images {

    private Images() {
    }

    /** The reference without tag and digest. */
    public static String repository(String image) {
        String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? noDigest.substring(0, colon) : noDigest;
    }

    /** The tag, if one is written. */
    public static Optional<String> tag(String image) {
        String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? Optional.of(noDigest.substring(colon + 1)) : Optional.empty();
    }

    /** Whether a digest pins the image. */
    public static boolean hasDigest(String image) {
        return image.contains("@sha256:");
    }
}
