package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditOptionsTest {

    @Test
    void defaultsFollowTheSeed() {
        AuditOptions o = AuditOptions.ofDefaults();

        assertThat(o.minimumInfluxRetention()).isEqualTo(Duration.ofDays(730));
        assertThat(o.floatingTags()).containsExactly("latest");
        assertThat(o.nasStorageClasses()).isEmpty();
        assertThat(o.suppressionFile()).isEqualTo(".piha-audit.yaml");
    }

    @Test
    void badValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> AuditOptions.custom().minimumInfluxRetention(Duration.ZERO))
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> AuditOptions.custom().floatingTags("x:y")).hasMessageContaining("'x:y'");
        assertThatThrownBy(() -> AuditOptions.custom().nasStorageClasses("NFS Storage"))
                .hasMessageContaining("'NFS Storage'");
        assertThatThrownBy(() -> AuditOptions.custom().suppressionFile("../x.yaml")).hasMessageContaining("../x.yaml");
    }

    @Test
    void severitiesParseInAnyCaseAndOrderFromCritical() {
        assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
        assertThat(Severity.CRITICAL.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.isAtLeast(Severity.MEDIUM)).isFalse();
        assertThatThrownBy(() -> Severity.parse("urgent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical, high, medium, low, info");
    }

    @Test
    void declaredNasClassesReplaceDetectionAndAStricterTagListFlagsStable() {
        AuditOptions strict = AuditOptions.custom().floatingTags("stable").nasStorageClasses("ssd-storage").build();

        AuditReport report = PlatformAudit.of(strict).audit(Fixtures.path("seed-phase0"));

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.rule().id()).isEqualTo("image-unpinned");
            assertThat(f.message()).contains("python-matter-server:stable");
        });
        assertThat(report.findings()).filteredOn(f -> f.rule().id().equals("pvc-not-nas")).hasSizeGreaterThan(2);
    }

    @Test
    void aShorterMinimumRetentionAcceptsThirtyDays() {
        AuditOptions lenient = AuditOptions.custom().minimumInfluxRetention(Duration.ofDays(30)).build();

        assertThat(PlatformAudit.of(lenient).audit(Fixtures.path("seed-phase0")).findings())
                .noneMatch(f -> f.rule().id().equals("influxdb-retention-short"));
    }
}
