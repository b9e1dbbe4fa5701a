package io.piha.sync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An in-process SSH server (Apache MINA SSHD) serving {@code git-upload-pack} and {@code git-receive-pack}
 * for bare repositories under a root, to one client key. Bound to 127.0.0.1 on a free port.
 */
public final class GitSshServer implements AutoCloseable {

    private final SshServer server;
    private final List<PublicKey> hostKeys = new ArrayList<>();

    public GitSshServer(Path root, Path hostKeyFile, PublicKey clientKey) throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        server.setKeyPairProvider(hostKey);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey));
        server.setCommandFactory((channel, command) -> new GitCommand(root, command));
        server.start();
        for (KeyPair kp : hostKey.loadKeys(null)) {
            hostKeys.add(kp.getPublic());
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The server's host keys, for the client's known-hosts check. */
    public List<PublicKey> hostKeys() {
        return hostKeys;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static final class GitCommand implements Command {
        private final Path root;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        GitCommand(Path root, String command) {
            this.root = root;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread t = new Thread(this::serve, "git-ssh " + command);
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            String[] parts = command.split(" ", 2);
            String path = parts.length < 2 ? "" : parts[1].replace("'", "").replaceFirst("^/", "");
            try (Repository repo = new FileRepositoryBuilder().setGitDir(root.resolve(path).toFile())
                    .setMustExist(true).build()) {
                switch (parts[0]) {
                    case "git-upload-pack" -> new UploadPack(repo).upload(in, out, err);
                    case "git-receive-pack" -> new ReceivePack(repo).receive(in, out, err);
                    default -> throw new IOException("unsupported command " + command);
                }
                out.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
