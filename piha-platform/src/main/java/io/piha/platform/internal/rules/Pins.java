package io.piha.platform.internal.rules;

import io.piha.platform.internal.model.Images;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether an image reference or a chart version is pinned, and if not, why. */
final class Pins {

    private static final Pattern RANGE = Pattern.compile(".*([*^~<>|]|(^|\\.)[xX](\\.|$)| - ).*");

    private Pins() {
    }

    /** Why an image is not pinned, or empty when it is (a digest, or a tag that neither floats nor ranges). */
    static Optional<String> image(String image, Set<String> floating) {
        if (Images.hasDigest(image)) {
            return Optional.empty();
        }
        Optional<String> tag = Images.tag(image);
        if (tag.isEmpty()) {
            return Optional.of("no tag, so whatever 'latest' is at the next pull");
        }
        return tagProblem(tag.get(), floating);
    }

    /** Why a bare tag is not a pin. */
    static Optional<String> tagProblem(String tag, Set<String> floating) {
        if (floating.contains(tag.toLowerCase(Locale.ROOT))) {
            return Optional.of("tag '" + tag + "' moves");
        }
        if (RANGE.matcher(tag).matches()) {
            return Optional.of("tag '" + tag + "' is a range");
        }
        return Optional.empty();
    }

    /** Whether a chart version or semver constraint lets Flux pick newer releases by itself. */
    static boolean isRange(String version) {
        String v = version.strip();
        return v.isEmpty() || RANGE.matcher(v).matches();
    }
}
