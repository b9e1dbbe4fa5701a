package io.piha.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryx8Q";

    @Test
    void fieldsAndAFileAreReadAsChromiumSendsThem() {
        String body = "------WebKitFormBoundaryx8Q\r\n"
                + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
                + "------WebKitFormBoundaryx8Q\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"scan.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n[{\"ip\": \"10.0.0.1\"}]\r\n\r\n"
                + "------WebKitFormBoundaryx8Q\r\n"
                + "Content-Disposition: form-data; name=\"mode\"\r\n\r\nappl\u00e9\r\n"
                + "------WebKitFormBoundaryx8Q--\r\n";
        Multipart m = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), TYPE);
        assertThat(m.fields()).containsEntry("_csrf", "tok").containsEntry("mode", "appl\u00e9");
        assertThat(m.files().get("file").fileName()).isEqualTo("scan.json");
        assertThat(new String(m.files().get("file").content(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"ip\": \"10.0.0.1\"}]\r\n");
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsRefused() {
        String body = "------WebKitFormBoundaryx8Q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb";
        assertThatThrownBy(() -> Multipart.parse(body.getBytes(StandardCharsets.UTF_8), TYPE))
                .hasMessageContaining("malformed multipart");
        assertThatThrownBy(() -> Multipart.parse(new byte[0], "multipart/form-data"))
                .hasMessageContaining("without a boundary");
    }
}
