package io.piha.sync.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a Git tree into an empty directory: regular and executable files, and symbolic links that stay
 * inside the tree. Refuses paths or links that would escape it. Submodules are skipped.
 */
public final class TreeExport {

    private TreeExport() {
    }

    /**
     * @throws IOException if a file cannot be written or the tree holds an escaping path or link
     */
    public static void write(Repository repo, RevTree tree, Path into) throws IOException {
        Files.createDirectories(into);
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            while (tw.next()) {
                String path = tw.getPathString();
                Path file = into.resolve(path).normalize();
                if (!file.startsWith(into) || path.startsWith("/") || hasSegment(path, ".git")) {
                    throw new IOException("refusing path '" + path + "': outside the tree or inside .git");
                }
                FileMode mode = tw.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                ObjectLoader blob = repo.open(tw.getObjectId(0));
                if (mode == FileMode.SYMLINK) {
                    link(into, path, file, new String(blob.getCachedBytes(4096), StandardCharsets.UTF_8));
                } else {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        blob.copyTo(out);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    private static void link(Path into, String path, Path file, String target) throws IOException {
        Path resolved = file.getParent().resolve(target).normalize();
        if (Path.of(target).isAbsolute() || !resolved.startsWith(into)) {
            throw new IOException("refusing symbolic link '" + path + "' -> '" + target + "': it leaves the tree");
        }
        Files.createSymbolicLink(file, Path.of(target));
    }

    private static boolean hasSegment(String path, String segment) {
        for (String s : path.split("/")) {
            if (s.equals(segment) || s.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
