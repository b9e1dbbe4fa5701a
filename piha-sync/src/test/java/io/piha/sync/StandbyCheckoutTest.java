package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.sync.CommitId;
import io.piha.testkit.git.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyCheckoutTest {

    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path tmp;

    private TestRepo repo;
    private StandbyCheckout checkout;

    @BeforeEach
    void standbyRepositoryAndConfigRoot() {
        repo = TestRepo.createBare(tmp.resolve("mirror.git"));
        checkout = StandbyCheckout.of(repo.dir(), "standby", tmp.resolve("ha"));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private ObjectId standbyAt(String name) {
        ObjectId id = repo.commit("main", T, Map.of("configuration.yaml", "name: " + name + "\n",
                "packages/lights.yaml", "light: []\n"));
        repo.move("standby", id);
        return id;
    }

    @Test
    void theStandbyBranchIsCheckedOutAndReadThroughTheLiveLink() throws Exception {
        ObjectId one = standbyAt("one");

        assertThat(checkout.apply()).isEqualTo(new CommitId(one.name()));

        assertThat(Files.readString(checkout.live().resolve("configuration.yaml"))).isEqualTo("name: one\n");
        assertThat(Files.readString(checkout.live().resolve("packages/lights.yaml"))).isEqualTo("light: []\n");
        assertThat(Files.isSymbolicLink(checkout.live())).isTrue();
        assertThat(checkout.previous()).isEmpty();
    }

    @Test
    void aNewCommitIsSwappedInKeepingThePreviousTreeForRollbackAndPruningOlderOnes() throws Exception {
        ObjectId one = standbyAt("one");
        checkout.apply();
        ObjectId two = standbyAt("two");
        checkout.apply();
        ObjectId three = standbyAt("three");

        checkout.apply();

        assertThat(Files.readString(checkout.live().resolve("configuration.yaml"))).isEqualTo("name: three\n");
        assertThat(checkout.previous()).contains(new CommitId(two.name()));
        try (var trees = Files.list(tmp.resolve("ha/trees"))) {
            assertThat(trees.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(two.name(), three.name());
        }
        assertThat(tmp.resolve("ha/trees").resolve(one.name())).doesNotExist();

        assertThat(checkout.rollback()).isEqualTo(new CommitId(two.name()));
        assertThat(Files.readString(checkout.live().resolve("configuration.yaml"))).isEqualTo("name: two\n");
        assertThat(checkout.previous()).contains(new CommitId(three.name()));
    }

    @Test
    void applyingTheSameCommitTwiceChangesNothing() throws Exception {
        standbyAt("one");
        checkout.apply();
        Path before = Files.readSymbolicLink(checkout.live());

        checkout.apply();

        assertThat(Files.readSymbolicLink(checkout.live())).isEqualTo(before);
        assertThat(checkout.previous()).isEmpty();
    }

    @Test
    void aSymbolicLinkLeavingTheTreeIsRefusedAndTheLiveTreeStays() throws Exception {
        ObjectId one = standbyAt("one");
        checkout.apply();
        ObjectId evil = repo.commit("main", T, Map.of("www/passwd", TestRepo.LINK + "../../../../etc/passwd"));
        repo.move("standby", evil);

        assertThatThrownBy(checkout::apply).isInstanceOf(StandbyCheckoutException.class)
                .hasMessageContaining("www/passwd").hasMessageContaining("leaves the tree");

        assertThat(checkout.current()).contains(new CommitId(one.name()));
        try (var trees = Files.list(tmp.resolve("ha/trees"))) {
            assertThat(trees.map(p -> p.getFileName().toString())).containsExactly(one.name());
        }
    }

    @Test
    void aLinkInsideTheTreeIsKept() throws Exception {
        ObjectId id = repo.commit("main", T, Map.of("a/real.yaml", "x: 1\n", "b/alias.yaml",
                TestRepo.LINK + "../a/real.yaml"));
        repo.move("standby", id);

        checkout.apply();

        assertThat(Files.readString(checkout.live().resolve("b/alias.yaml"))).isEqualTo("x: 1\n");
    }

    @Test
    void aMissingBranchIsNamedAndNothingIsApplied() {
        repo.commit("main", T, "only main");

        assertThatThrownBy(checkout::apply).isInstanceOf(StandbyCheckoutException.class)
                .hasMessageContaining("refs/heads/standby not found");
        assertThat(checkout.current()).isEqualTo(Optional.empty());
        assertThatThrownBy(checkout::rollback).isInstanceOf(StandbyCheckoutException.class);
    }
}
