package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every PiHA module jar built so far names its module ({@code Automatic-Module-Name}, from the artifact id:
 * {@code piha-poe-kit} is {@code io.piha.poe.kit}), so applications on the module path get stable names.
 */
class ModuleJarsIT {

    @Test
    void everyModuleJarHasItsAutomaticModuleName() throws IOException {
        List<Path> jars = moduleJars();

        assertThat(jars).as("the module jars on the classpath and beside this module").hasSizeGreaterThanOrEqualTo(10);
        for (Path jar : jars) {
            String artifact = jar.getFileName().toString().replace("-" + System.getProperty("piha.version") + ".jar", "");
            try (JarFile j = new JarFile(jar.toFile())) {
                assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString())
                        .isEqualTo("io." + artifact.replace('-', '.'));
            }
        }
    }

    /** piha-*.jar on the test classpath (the reactor's packaged modules) and in ../piha-* /target. */
    private static List<Path> moduleJars() throws IOException {
        String suffix = "-" + System.getProperty("piha.version") + ".jar";
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith("piha-") && p.getFileName().toString().endsWith(suffix)) {
                jars.add(p.toAbsolutePath().normalize());
            }
        }
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("piha-")).toList()) {
                Path jar = module.resolve("target").resolve(module.getFileName() + suffix);
                if (Files.exists(jar) && !jars.contains(jar)) {
                    jars.add(jar);
                }
            }
        }
        return jars;
    }
}
