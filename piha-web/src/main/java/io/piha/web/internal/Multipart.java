package io.piha.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) already read into memory (its size is bounded by the exchange):
 * text fields and uploaded files by field name.
 */
record Multipart(Map<String, String> fields, Map<String, Part> files) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]{1,70})\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /**
     * An uploaded file.
     *
     * @param fileName the name the browser gave
     * @param content its bytes
     */
    record Part(String fileName, byte[] content) {
    }

    static Multipart parse(byte[] body, String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart request without a boundary");
        }
        byte[] delimiter = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new HashMap<>();
        Map<String, Part> files = new HashMap<>();
        // the body starts with the delimiter without its leading CRLF; prepend one so every part looks the same
        byte[] data = new byte[body.length + 2];
        data[0] = '\r';
        data[1] = '\n';
        System.arraycopy(body, 0, data, 2, body.length);
        int at = indexOf(data, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= data.length && data[start] == '-' && data[start + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(data, delimiter, Math.max(headersEnd, start));
            if (headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("malformed multipart body");
            }
            String headers = new String(data, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(data, headersEnd + 4, next);
            part(headers, content, fields, files);
            at = next;
        }
        return new Multipart(fields, files);
    }

    private static void part(String headers, byte[] content, Map<String, String> fields, Map<String, Part> files) {
        String disposition = headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-disposition:"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("multipart part without a name"));
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new IllegalArgumentException("multipart part without a name");
        }
        Matcher file = FILE_NAME.matcher(disposition);
        if (file.find()) {
            files.put(name.group(1), new Part(file.group(1), content));
        } else {
            fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
