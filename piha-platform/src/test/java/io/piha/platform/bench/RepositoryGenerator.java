package io.piha.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Flux repository of a given number of manifests: per application, in its own kustomized directory, a
 * Deployment (PVC mount, resources, nodeSelector), a Service and a PVC in one multi-document file and a
 * ConfigMap; every fifth application is a HelmRelease of a local chart (three templates) instead.
 */
final class RepositoryGenerator {

    private RepositoryGenerator() {
    }

    /** Generates {@code manifests} manifests under {@code root}; returns the number of files written. */
    static int generate(Path root, int manifests) throws IOException {
        int files = chart(root);
        files += write(root.resolve("storage/classes.yaml"), """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: nfs-client
                  annotations:
                    storageclass.kubernetes.io/is-default-class: "true"
                provisioner: nfs.csi.k8s.io
                """);
        int written = 1;
        for (int i = 0; written < manifests; i++) {
            String name = String.format("app-%05d", i);
            Path dir = root.resolve("apps/" + name);
            if (i % 5 == 4) {
                files += write(dir.resolve("helmrelease.yaml"), release(name));
                written += 1;
            } else {
                files += write(dir.resolve("deployment.yaml"), deployment(name));
                files += write(dir.resolve("service-and-claim.yaml"), serviceAndClaim(name));
                files += write(dir.resolve("configmap.yaml"), configMap(name));
                written += 4;
            }
            files += write(dir.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nnamespace: " + name + "\nresources:\n"
                    + (i % 5 == 4 ? "  - helmrelease.yaml\n"
                            : "  - deployment.yaml\n  - service-and-claim.yaml\n  - configmap.yaml\n"));
        }
        return files;
    }

    private static int write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return 1;
    }

    private static String deployment(String name) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: NAME
                  labels: {app: NAME}
                spec:
                  replicas: 1
                  strategy: {type: Recreate}
                  selector:
                    matchLabels: {app: NAME}
                  template:
                    metadata:
                      labels: {app: NAME}
                    spec:
                      nodeSelector:
                        kubernetes.io/hostname: pi-1
                      containers:
                        - name: NAME
                          image: ghcr.io/example/NAME:1.4.2
                          env:
                            - name: LOG_LEVEL
                              value: info
                            - name: DB_PASSWORD
                              valueFrom:
                                secretKeyRef: {name: NAME-db, key: password}
                          ports:
                            - {name: http, containerPort: 8080}
                          resources:
                            requests: {cpu: 50m, memory: 64Mi}
                            limits: {cpu: 500m, memory: 256Mi}
                          volumeMounts:
                            - {name: data, mountPath: /data}
                            - {name: config, mountPath: /etc/NAME}
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: NAME-data}
                        - name: config
                          configMap: {name: NAME-config}
                """.replace("NAME", name);
    }

    private static String serviceAndClaim(String name) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: NAME
                spec:
                  selector: {app: NAME}
                  ports:
                    - {name: http, port: 80, targetPort: http}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: NAME-data
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: nfs-client
                  resources:
                    requests: {storage: 1Gi}
                """.replace("NAME", name);
    }

    private static String configMap(String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: NAME-config
                data:
                  settings.yaml: |
                    listen: 0.0.0.0:8080
                    cache:
                      size: 64
                """.replace("NAME", name);
    }

    private static String release(String name) {
        return """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: NAME
                spec:
                  interval: 30m
                  chart:
                    spec:
                      chart: ./charts/web
                      sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                  values:
                    image: {tag: "2.3.1"}
                    replicas: 1
                """.replace("NAME", name);
    }

    private static int chart(Path root) throws IOException {
        Path chart = root.resolve("charts/web");
        int files = write(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.3.0\nappVersion: \"2.3.0\"\n");
        files += write(chart.resolve("values.yaml"), """
                image: {repository: ghcr.io/example/web, tag: "2.3.0"}
                replicas: 1
                resources:
                  requests: {cpu: 50m, memory: 64Mi}
                  limits: {cpu: 500m, memory: 256Mi}
                nodeSelector:
                  kubernetes.io/hostname: pi-1
                storage: {className: nfs-client, size: 1Gi}
                """);
        files += write(chart.resolve("templates/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                  namespace: {{ .Release.Namespace }}
                spec:
                  replicas: {{ .Values.replicas }}
                  selector:
                    matchLabels: {app: {{ .Release.Name }}}
                  template:
                    metadata:
                      labels: {app: {{ .Release.Name }}}
                    spec:
                      {{- with .Values.nodeSelector }}
                      nodeSelector:
                        {{- toYaml . | nindent 8 }}
                      {{- end }}
                      containers:
                        - name: web
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                          resources:
                            {{- toYaml .Values.resources | nindent 12 }}
                          volumeMounts:
                            - {name: data, mountPath: /data}
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: {{ .Release.Name }}-data}
                """);
        files += write(chart.resolve("templates/service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{ .Release.Name }}
                  namespace: {{ .Release.Namespace }}
                spec:
                  selector: {app: {{ .Release.Name }}}
                  ports:
                    - {port: 80}
                """);
        files += write(chart.resolve("templates/pvc.yaml"), """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: {{ .Release.Name }}-data
                  namespace: {{ .Release.Namespace }}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: {{ .Values.storage.className }}
                  resources:
                    requests: {storage: {{ .Values.storage.size }}}
                """);
        return files;
    }
}
