package io.piha.platform.internal.source;

import io.piha.platform.Location;
import io.piha.platform.Rule;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The audited repository as files: its YAML files, chart directories and empty directories, read at most once,
 * never following a link or a path out of the repository. Paths are repository-relative with forward slashes.
 */
public final class SourceTree {

    /** Files larger than this are not read (generated bundles, not configuration). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".github", "node_modules");

    private final Path root;
    private final Findings findings;
    private final Set<String> files = new TreeSet<>();
    private final Set<String> directories = new TreeSet<>();
    private final Set<String> emptyDirectories = new TreeSet<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, List<YamlNode>> parsed = new HashMap<>();
    private final AtomicInteger filesRead = new AtomicInteger();

    /** A file read and parsed, with what went wrong on the way (reported in path order, not thread order). */
    private record Loaded(String path, List<YamlNode> documents, List<Problem> problems) {
    }

    private record Problem(Rule rule, Location at, String message) {
    }

    private SourceTree(Path root, Findings findings) {
        this.root = root;
        this.findings = findings;
    }

    /** Lists the repository at {@code root}. */
    public static SourceTree scan(Path root, Findings findings) {
        try {
            SourceTree tree = new SourceTree(root.toAbsolutePath().normalize(), findings);
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
                // not following links: a link (to a file or a directory) is never read
                if (attrs.isRegularFile()) {
                    files.add(relative(file));
                    sizes.put(relative(file), attrs.size());
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
        return filesRead.get();
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
        List<Problem> problems = new ArrayList<>();
        Optional<String> text = read(path, problems);
        problems.forEach(p -> findings.add(p.rule(), p.at(), p.message()));
        return text;
    }

    private Optional<String> read(String path, List<Problem> problems) {
        if (!files.contains(path)) {
            problems.add(new Problem(InputRules.REFERENCE_OUTSIDE, Location.of(path), path
                    + " is not a regular file of the repository (a link?); it was not read"));
            return Optional.empty();
        }
        if (sizes.getOrDefault(path, 0L) > MAX_BYTES) {
            problems.add(new Problem(InputRules.YAML_UNPARSEABLE, Location.of(path), path + " is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB and was not read; split it or keep it out of the repository"));
            return Optional.empty();
        }
        try {
            filesRead.incrementAndGet();
            return Optional.of(new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Problem(InputRules.YAML_UNPARSEABLE, Location.of(path), path + " cannot be read: "
                    + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Reads and parses {@code paths} on all cores; the findings of bad files are recorded in the order of
     * {@code paths}, so a report never depends on thread scheduling.
     */
    public void preload(List<String> paths) {
        List<Loaded> loaded = paths.parallelStream().filter(p -> !parsed.containsKey(p)).map(this::load).toList();
        for (Loaded l : loaded) {
            parsed.put(l.path(), l.documents());
            l.problems().forEach(p -> findings.add(p.rule(), p.at(), p.message()));
        }
    }

    private Loaded load(String path) {
        List<Problem> problems = new ArrayList<>();
        List<YamlNode> docs = read(path, problems).map(t -> parse(t, LineMap.of(path), path, problems))
                .orElse(List.of());
        return new Loaded(path, docs, problems);
    }

    /** The YAML documents of a file, read and parsed once; a syntax error is a finding, earlier documents stay. */
    public List<YamlNode> documents(String path) {
        List<YamlNode> cached = parsed.get(path);
        if (cached != null) {
            return cached;
        }
        Loaded l = load(path);
        l.problems().forEach(p -> findings.add(p.rule(), p.at(), p.message()));
        parsed.put(path, l.documents());
        return l.documents();
    }

    /** Parses text, reporting a syntax error as a finding that names {@code what}. */
    public List<YamlNode> parse(String text, LineMap lines, String what) {
        List<Problem> problems = new ArrayList<>();
        List<YamlNode> docs = parse(text, lines, what, problems);
        problems.forEach(p -> findings.add(p.rule(), p.at(), p.message()));
        return docs;
    }

    private static List<YamlNode> parse(String text, LineMap lines, String what, List<Problem> problems) {
        YamlReader.Result result = YamlReader.read(text, lines);
        result.error().ifPresent(e -> problems.add(new Problem(InputRules.YAML_UNPARSEABLE, e.location(),
                what + " is not valid YAML (" + e.message() + "); nothing after this line was checked")));
        return new ArrayList<>(result.documents());
    }
}
