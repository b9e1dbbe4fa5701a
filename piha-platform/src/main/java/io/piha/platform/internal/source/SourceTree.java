package io.piha.platform.internal.source;

import io.piha.platform.Location;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.yaml.LineMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audited repository as files: its YAML files, chart directories and empty directories, read at most once,
 * never following a link or a path out of the repository. Paths are repository-relative with forward slashes.
 */
public final class SourceTree {

    /** Files larger than this are not read (generated bundles, not configuration). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".github", "node_modules");

    private final Path root;
    private final Path realRoot;
    private final Findings findings;
    private final Set<String> files = new TreeSet<>();
    private final Set<String> directories = new TreeSet<>();
    private final Set<String> emptyDirectories = new TreeSet<>();
    private final Map<String, List<YamlNode>> parsed = new HashMap<>();
    private int filesRead;

    private SourceTree(Path root, Findings findings) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.findings = findings;
    }

    /** Lists the repository at {@code root}. */
    public static SourceTree scan(Path root, Findings findings) {
        try {
            SourceTree tree = new SourceTree(root, findings);
            tree.walk();
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private void walk() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                directories.add(relative(dir));
                try (var entries = Files.list(dir)) {
                    if (entries.allMatch(p -> p.getFileName().toString().startsWith("."))) {
                        emptyDirectories.add(relative(dir));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(relative(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private String relative(Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** Every regular file, sorted. */
    public Set<String> files() {
        return files;
    }

    /** The YAML files, sorted. */
    public List<String> yamlFiles() {
        return files.stream().filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).toList();
    }

    /** Whether a regular file exists at this repository path. */
    public boolean isFile(String path) {
        return files.contains(path);
    }

    /** Whether a directory exists at this repository path. */
    public boolean isDirectory(String path) {
        return directories.contains(path);
    }

    /** Directories that hold nothing but dot files (a {@code .gitkeep}). */
    public Set<String> emptyDirectories() {
        return emptyDirectories;
    }

    /** How many files were read. */
    public int filesRead() {
        return filesRead;
    }

    /**
     * Resolves {@code relative} against directory {@code baseDir} (both repository paths); empty when the result
     * leaves the repository.
     */
    public Optional<String> resolve(String baseDir, String relative) {
        if (relative.startsWith("/") || relative.matches("[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Path resolved = Path.of(baseDir.equals(".") ? "" : baseDir).resolve(relative).normalize();
        String rel = resolved.toString().replace('\\', '/');
        if (rel.equals("..") || rel.startsWith("../")) {
            return Optional.empty();
        }
        return Optional.of(rel.isEmpty() ? "." : rel);
    }

    /** The directory of a repository path. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /** The text of a file of the repository, or empty (with a finding) when it cannot be read. */
    public Optional<String> text(String path) {
        try {
            Path file = root.resolve(path);
            if (!file.toRealPath().startsWith(realRoot)) {
                findings.add(InputRules.REFERENCE_OUTSIDE, Location.of(path),
                        path + " is a link that leaves the repository; it was not read");
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                findings.add(InputRules.YAML_UNPARSEABLE, Location.of(path), path + " is larger than "
                        + MAX_BYTES / (1024 * 1024) + " MiB and was not read; split it or keep it out of the repository");
                return Optional.empty();
            }
            filesRead++;
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            findings.add(InputRules.YAML_UNPARSEABLE, Location.of(path), path + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The YAML documents of a file, read and parsed once; a syntax error is a finding, earlier documents stay. */
    public List<YamlNode> documents(String path) {
        List<YamlNode> cached = parsed.get(path);
        if (cached != null) {
            return cached;
        }
        List<YamlNode> docs = text(path).map(t -> parse(t, LineMap.of(path), path)).orElse(List.of());
        parsed.put(path, docs);
        return docs;
    }

    /** Parses text, reporting a syntax error as a finding that names {@code what}. */
    public List<YamlNode> parse(String text, LineMap lines, String what) {
        YamlReader.Result result = YamlReader.read(text, lines);
        result.error().ifPresent(e -> findings.add(InputRules.YAML_UNPARSEABLE, e.location(),
                what + " is not valid YAML (" + e.message() + "); nothing after this line was checked"));
        return new ArrayList<>(result.documents());
    }
}
