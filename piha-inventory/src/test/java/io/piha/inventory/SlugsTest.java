package io.piha.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    static String slug(String name) {
        return Slugs.from(name, "fallback").value();
    }

    @Test
    void germanLettersAreSpelledOutNotDropped() {
        assertThat(slug("Straße")).isEqualTo("strasse");
        assertThat(slug("Gäste-WC")).isEqualTo("gaeste-wc");
        assertThat(slug("Küche (oben)")).isEqualTo("kueche-oben");
        assertThat(slug("Ölheizung")).isEqualTo("oelheizung");
        // a + combining diaeresis, as macOS writes file and device names
        assertThat(slug("Ga\u0308ste")).isEqualTo("gaeste");
    }

    @Test
    void otherLettersLoseOnlyTheirAccent() {
        assertThat(slug("Café Ærø")).isEqualTo("cafe-aero");
        assertThat(slug("Łazienka")).isEqualTo("lazienka");
        assertThat(slug("Œil-de-bœuf")).isEqualTo("oeil-de-boeuf");
        assertThat(slug("Þórshöfn")).isEqualTo("thorshoefn");
    }

    @Test
    void aNameWithNoLettersFallsBackAndASuffixAlwaysFits() {
        assertThat(slug("日本")).isEqualTo("fallback");
        assertThat(Slugs.withSuffix("ß".repeat(40), "3398", "device").value()).hasSize(63).endsWith("ss-3398");
    }
}
