package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashAcceptsItsPasswordAndNoOther() {
        PasswordHash hash = PasswordHash.of("hunter2".toCharArray(), 20_000);
        assertThat(hash.matches("hunter2".toCharArray())).isTrue();
        assertThat(hash.matches("hunter3".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
    }

    @Test
    void theWrittenFormReadsBackAndNamesItsFunctionAndIterations() {
        PasswordHash hash = PasswordHash.of("hunter2".toCharArray());
        String written = hash.encoded();
        assertThat(written).startsWith("pbkdf2-sha256$" + PasswordHash.DEFAULT_ITERATIONS + "$");
        assertThat(PasswordHash.parse(written).matches("hunter2".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(written).encoded()).isEqualTo(written);
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        assertThat(PasswordHash.of("same".toCharArray(), 20_000).encoded())
                .isNotEqualTo(PasswordHash.of("same".toCharArray(), 20_000).encoded());
    }

    @Test
    void itsTextNeverShowsTheHash() {
        PasswordHash hash = PasswordHash.of("hunter2".toCharArray(), 20_000);
        assertThat(hash.toString()).doesNotContain(hash.encoded().split("\\$")[3]).contains("20000 iterations");
    }

    @Test
    void aPastedPasswordIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> PasswordHash.parse("my-secret-password")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("piha inv web --hash-password").hasMessageNotContaining("my-secret-password");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$AAAA$AAAA"))
                .hasMessageContaining("1000 are too few");
        assertThatThrownBy(() -> PasswordHash.of(new char[0])).hasMessageContaining("must not be empty");
    }
}
