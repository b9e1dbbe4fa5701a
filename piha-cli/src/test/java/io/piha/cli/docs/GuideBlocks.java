package io.piha.cli.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown guide: {@code ```yaml file=/etc/piha/agent.yaml on=haos-standby} is a file to
 * write on a machine, any other {@code ```sh} block holds commands. Indented blocks (inside list items) are read
 * without their indentation.
 *
 * @param lang the block's language
 * @param file the path it is written to, for file blocks
 * @param on the machine it is written on, for file blocks
 * @param body its text
 */
record GuideBlocks(String lang, Optional<String> file, Optional<String> on, String body) {

    private static final Pattern FENCE = Pattern.compile("(?ms)^([ \\t]*)```(\\w+)([^\\n]*)\\n(.*?)^\\1```");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(\\S+)");

    static List<GuideBlocks> of(Path markdown) throws IOException {
        List<GuideBlocks> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(markdown));
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder body = new StringBuilder();
            for (String line : m.group(4).split("\n", -1)) {
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            Optional<String> file = Optional.empty();
            Optional<String> on = Optional.empty();
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                file = a.group(1).equals("file") ? Optional.of(a.group(2)) : file;
                on = a.group(1).equals("on") ? Optional.of(a.group(2)) : on;
            }
            blocks.add(new GuideBlocks(m.group(2), file, on, body.toString().stripTrailing() + "\n"));
        }
        return blocks;
    }

    /** The {@code piha ...} command lines of the command blocks, split into words as a POSIX shell would. */
    static List<List<String>> pihaCommands(List<GuideBlocks> blocks) {
        List<List<String>> commands = new ArrayList<>();
        for (GuideBlocks b : blocks) {
            if (b.lang().equals("sh") && b.file().isEmpty()) {
                b.body().lines().map(String::strip).filter(l -> l.startsWith("piha ")).map(GuideBlocks::words)
                        .map(GuideBlocks::firstCommand).forEach(commands::add);
            }
        }
        return commands;
    }

    /** The words up to the first {@code &&}, {@code ||}, {@code |}, {@code ;} or redirection. */
    private static List<String> firstCommand(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (List.of("&&", "||", "|", ";", ">", ">>", "2>&1").contains(words.get(i))) {
                return words.subList(0, i);
            }
        }
        return words;
    }

    /** Shell words: blanks separate, single and double quotes group, {@code #} outside quotes starts a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
