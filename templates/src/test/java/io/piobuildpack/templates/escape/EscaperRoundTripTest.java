package io.piobuildpack.templates.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Many random values (every ASCII character, controls, quotes, non-ASCII, astral characters) written by each
 * escaper and read back by the format's real reader: {@code sh}, an XML parser, {@code Properties} as Spark reads
 * it, a YAML and a TOML parser. A value the escaper refuses must be one the format really cannot carry.
 */
class EscaperRoundTripTest {

  private static final int VALUES = 300;
  private static final String ALPHABET_EXTRA = "'\"`$\\&<>]]>#!=: \t\n\r\u00e9\u20ac\u2028\u0085\ufeff";

  @TempDir
  Path dir;

  @Test
  void shellValuesReadBackIdenticallyFromDash() throws Exception {
    List<String> values = randomValues(1);
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      script.append("v").append(i).append('=').append(new ShellEscaper().escape(values.get(i))).append('\n');
    }
    script.append("i=0; while [ $i -lt ").append(values.size())
        .append(" ]; do eval \"printf '%s\\\\0' \\\"\\$v$i\\\"\"; i=$((i+1)); done\n");
    Path file = dir.resolve("values.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process sh = new ProcessBuilder("/bin/sh", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<String> read = List.of(out.split("\0", -1)).subList(0, values.size());
    assertThat(read).isEqualTo(values);
  }

  @Test
  void xmlValuesParseBackIdenticallyInTextAndAttributes() throws Exception {
    XmlEscaper xml = new XmlEscaper();
    for (String value : randomValues(2)) {
      boolean representable = value.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
      if (!representable) {
        assertThatThrownBy(() -> xml.escape(value)).isInstanceOf(UnrepresentableValueException.class);
        continue;
      }
      String doc = "<r a=\"" + xml.escape(value) + "\">" + xml.escape(value) + "</r>";
      Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new InputSource(new StringReader(doc))).getDocumentElement();
      assertThat(root.getTextContent()).isEqualTo(value);
      assertThat(root.getAttribute("a")).isEqualTo(value);
    }
  }

  @Test
  void propertiesValuesLoadBackIdenticallyAsSparkReadsThem() throws Exception {
    PropertiesEscaper properties = new PropertiesEscaper();
    for (String value : randomValues(3)) {
      boolean representable = (value.isEmpty() || (value.charAt(0) > ' ' && value.charAt(value.length() - 1) > ' '))
          && value.chars().allMatch(c -> (c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r'
              || c == '\f');
      if (!representable) {
        assertThatThrownBy(() -> properties.escape(value)).isInstanceOf(UnrepresentableValueException.class);
        continue;
      }
      Properties loaded = new Properties();
      loaded.load(new StringReader("k=" + properties.escape(value) + "\nnext=1\n"));
      assertThat(loaded.getProperty("k").trim()).isEqualTo(value);
      assertThat(loaded.getProperty("next")).isEqualTo("1");
    }
  }

  @Test
  void yamlAndTomlValuesParseBackIdentically() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    TomlMapper toml = new TomlMapper();
    for (String value : randomValues(4)) {
      String y = "k: " + new YamlEscaper().escape(value) + "\nnext: 1\n";
      assertThat(yaml.readTree(y).get("k").textValue()).as(y).isEqualTo(value);
      String t = "k = " + new TomlEscaper().escape(value) + "\nnext = 1\n";
      assertThat(toml.readTree(t).get("k").textValue()).as(t).isEqualTo(value);
    }
  }

  /** Random strings without NUL and with whole surrogate pairs only (those always fail, tested elsewhere). */
  private static List<String> randomValues(long seed) {
    Random random = new Random(seed);
    List<String> values = new ArrayList<>();
    values.add("");
    for (int i = 0; i < VALUES; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(10);
        if (kind < 5) {
          value.append((char) (1 + random.nextInt(0x7F)));
        } else if (kind < 8) {
          value.append(ALPHABET_EXTRA.charAt(random.nextInt(ALPHABET_EXTRA.length())));
        } else if (kind < 9) {
          value.append((char) (0xA0 + random.nextInt(0x2000)));
        } else {
          value.appendCodePoint(0x1F600 + random.nextInt(64));
        }
      }
      values.add(value.toString());
    }
    return values;
  }
}
