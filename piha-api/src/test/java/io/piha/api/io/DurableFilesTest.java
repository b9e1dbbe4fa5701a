package io.piha.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCheckedReplaceRenamesOnlyWhatTheCheckAccepts() throws IOException {
        Path target = dir.resolve("backup.tar");
        DurableFiles.replace(target, out -> out.write(new byte[] {1, 2, 3}), written -> { });

        assertThatThrownBy(() -> DurableFiles.replace(target, out -> out.write(new byte[] {9}), written -> {
            throw new IOException("archive cut short");
        })).hasMessage("archive cut short");

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aWriterThatFailsHalfWayLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("state");
        DurableFiles.replace(target, "before");

        assertThatThrownBy(() -> DurableFiles.replace(target, out -> {
            out.write(new byte[] {7, 7});
            throw new IOException("connection reset");
        }, written -> { })).hasMessage("connection reset");

        assertThat(Files.readString(target)).isEqualTo("before");
        assertThat(files()).containsExactly(target);
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
