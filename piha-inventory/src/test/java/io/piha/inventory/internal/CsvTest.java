package io.piha.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aQuotedFieldKeepsDelimitersQuotesAndLineBreaks() {
        List<Csv.Record> r = Csv.read("a,\"b, \"\"c\"\"\r\nd\",e\r\nf,g,h\r\n", ',');
        assertThat(r).extracting(Csv.Record::fields)
                .containsExactly(List.of("a", "b, \"c\"\r\nd", "e"), List.of("f", "g", "h"));
        assertThat(r).extracting(Csv.Record::line).containsExactly(1, 3);
        assertThat(r.get(1).raw()).isEqualTo("f,g,h");
    }

    @Test
    void aByteOrderMarkBlankLinesAndEveryLineEndAreAccepted() {
        List<Csv.Record> r = Csv.read("\uFEFFip;mac\r\n\r\n10.0.0.1;aa\r10.0.0.2;bb\n10.0.0.3;cc", ';');
        assertThat(r).extracting(rec -> rec.field(0)).containsExactly("ip", "10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(r).extracting(Csv.Record::line).containsExactly(1, 3, 4, 5);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsWritten() {
        assertThat(Csv.read("rack 19\" unit,x\n", ',').get(0).fields()).containsExactly("rack 19\" unit", "x");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> Csv.read("a\n\"b\"c,d\n", ',')).hasMessageContaining("line 2");
    }

    @Test
    void theHeaderTellsTheDelimiter() {
        assertThat(Csv.delimiterOf("ip;mac;hostname")).isEqualTo(';');
        assertThat(Csv.delimiterOf("ip\tmac")).isEqualTo('\t');
        assertThat(Csv.delimiterOf("\"IP\",\"MAC\"")).isEqualTo(',');
    }
}
