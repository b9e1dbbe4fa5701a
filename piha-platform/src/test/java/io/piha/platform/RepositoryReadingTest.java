package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the repository is read: namespaces from kustomize and Flux, values layered over charts, their lines. */
class RepositoryReadingTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<String> at(String ruleId) {
        return PlatformAudit.ofDefaults().audit(repo).findings().stream().filter(f -> f.rule().id().equals(ruleId))
                .map(f -> f.location() + " " + f.message()).sorted().toList();
    }

    private static String deployment(String name, String namespace, String image, String podSpec) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\nspec:\n  template:\n    spec:\n" + podSpec + "      containers:\n        - name: " + name
                + "\n          image: " + image + "\n";
    }

    @Test
    void aFluxTargetNamespaceOverridesWhatTheManifestSays() throws IOException {
        write("flux/zigbee.yaml", "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
                + "  name: zigbee\nspec:\n  path: ./zigbee\n  targetNamespace: home\n");
        write("zigbee/z2m.yaml", deployment("zigbee2mqtt", "zigbee", "koenkk/zigbee2mqtt:1.42.0", ""));
        write("zigbee/mosquitto.yaml", deployment("mosquitto", "zigbee", "eclipse-mosquitto:2.0.20", ""));
        write("home/ha.yaml", deployment("ha", "home", "ghcr.io/home-assistant/home-assistant:2025.12.2", ""));

        assertThat(at("zigbee-stack-missing")).singleElement().asString()
                .contains("Zigbee2MQTT shares namespace home with Home Assistant");
    }

    @Test
    void theOutermostKustomizationNamespaceWinsAsInKustomize() throws IOException {
        write("kustomization.yaml", "namespace: zigbee\nresources:\n  - apps\n");
        write("apps/kustomization.yaml", "namespace: home\nresources:\n  - z2m.yaml\n");
        write("apps/z2m.yaml", deployment("zigbee2mqtt", "home", "koenkk/zigbee2mqtt:1.42.0", ""));
        write("apps/mosquitto.yaml", deployment("mosquitto", "zigbee", "eclipse-mosquitto:2.0.20", ""));
        write("home/ha.yaml", deployment("ha", "home", "ghcr.io/home-assistant/home-assistant:2025.12.2", ""));

        assertThat(at("zigbee-stack-missing")).isEmpty();
    }

    @Test
    void releaseValuesOverrideChartValuesAndAreReportedWhereTheyAreWritten() throws IOException {
        chart();
        write("apps/release.yaml", release("app", "  values:\n    hostNetwork: true\n"));

        assertThat(at("host-network")).singleElement().asString().startsWith("apps/release.yaml:14 ");
    }

    @Test
    void aValuesFromTargetPathSetsOneValueFromItsConfigMapLine() throws IOException {
        chart();
        write("apps/values.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: net\n  namespace: apps\n"
                + "data:\n  host: \"true\"\n");
        write("apps/release.yaml", release("app", "  valuesFrom:\n    - kind: ConfigMap\n      name: net\n"
                + "      valuesKey: host\n      targetPath: hostNetwork\n"));

        assertThat(at("host-network")).singleElement().asString().startsWith("apps/values.yaml:7 ");
    }

    @Test
    void aChartNoReleaseUsesIsRenderedWithItsOwnValues() throws IOException {
        chart();
        write("charts/app/values.yaml", "hostNetwork: true\n");

        assertThat(at("host-network")).singleElement().asString().startsWith("charts/app/values.yaml:1 ");
    }

    @Test
    void plainSecretsAreCredentialsAndSopsOrSealedOnesAreNot() throws IOException {
        write("s/plain.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  pw: x\n");
        write("s/sops.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sops\ndata:\n  pw: ENC[AES256]\n"
                + "sops:\n  version: 3.9.0\n");
        write("s/sealed.yaml", "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: s\n"
                + "spec:\n  encryptedData:\n    pw: AgB\n");

        assertThat(at("literal-credential")).singleElement().asString().startsWith("s/plain.yaml:2 ")
                .contains("Secret plain").doesNotContain(": x");
    }

    private void chart() throws IOException {
        write("charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
        write("charts/app/values.yaml", "hostNetwork: false\n");
        write("charts/app/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                + "  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n"
                + "      hostNetwork: {{ .Values.hostNetwork }}\n      containers:\n        - name: app\n"
                + "          image: nginx:1.27.3\n");
    }

    private static String release(String name, String values) {
        return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name
                + "\n  namespace: apps\nspec:\n  chart:\n    spec:\n      chart: ./charts/app\n      sourceRef:\n"
                + "        kind: GitRepository\n        name: flux-system\n" + values;
    }
}
