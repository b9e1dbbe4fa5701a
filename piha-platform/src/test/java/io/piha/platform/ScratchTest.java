package io.piha.platform;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        System.out.println(new TextReport().render(Fixtures.audit("seed-phase0")));
    }
}
