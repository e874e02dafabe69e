package io.piobuildpack.buildpack.install.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import org.junit.jupiter.api.Test;

class ChecksumFileParserTest {

  private static final String FILE = "apache-predictionio-0.14.0-bin.tar.gz";
  private static final String HEX = "5f4184e0fe7e5c8ae67f5e6bc5deee881051cc712e9ff8aeddf3529724c00e40"
      + "2c94bb75561dd9517a372f06c1fcb78dc7ae65dcbd4c156b3ba4d8e267ec2936";

  @Test
  void readsSha512sumFormat() {
    assertThat(ChecksumFileParser.parse(HEX + "  " + FILE + "\n", FILE, ChecksumAlgorithm.SHA512, "u"))
        .isEqualTo(new Checksum(ChecksumAlgorithm.SHA512, HEX));
  }

  @Test
  void readsTheLineOfTheFileAmongSeveral() {
    String other = "0".repeat(128);
    String content = other + "  other.tar.gz\n" + HEX + " *" + FILE + "\n";

    assertThat(ChecksumFileParser.parse(content, FILE, ChecksumAlgorithm.SHA512, "u").hex()).isEqualTo(HEX);
  }

  @Test
  void readsApacheGpgPrintMdFormatWrappedInUpperCaseGroups() {
    String content = FILE + ": 5F4184E0 FE7E5C8A E67F5E6B C5DEEE88 1051CC71 2E9FF8AE\n"
        + "                                       DDF35297 24C00E40 2C94BB75 561DD951 7A372F06 C1FCB78D\n"
        + "                                       C7AE65DC BD4C156B 3BA4D8E2 67EC2936\n";

    assertThat(ChecksumFileParser.parse(content, FILE, ChecksumAlgorithm.SHA512, "u").hex()).isEqualTo(HEX);
  }

  @Test
  void readsGpgFormatWithTheNameOnItsOwnLine() {
    String content = FILE + ":\n5F4184E0 FE7E5C8A E67F5E6B C5DEEE88 1051CC71 2E9FF8AE DDF35297 24C00E40 2C94BB75\n"
        + "561DD951 7A372F06 C1FCB78D C7AE65DC BD4C156B 3BA4D8E2 67EC2936\n";

    assertThat(ChecksumFileParser.parse(content, FILE, ChecksumAlgorithm.SHA512, "u").hex()).isEqualTo(HEX);
  }

  @Test
  void readsABareValue() {
    assertThat(ChecksumFileParser.parse("264310fd7b2cd76738787dc0b9f7ea2e3b11adc1", "postgresql-42.7.4.jar",
        ChecksumAlgorithm.SHA1, "u").hex()).isEqualTo("264310fd7b2cd76738787dc0b9f7ea2e3b11adc1");
  }

  @Test
  void refusesTheChecksumOfAnotherFile() {
    assertThatThrownBy(() -> ChecksumFileParser.parse("other.tgz: " + HEX.toUpperCase(), FILE,
            ChecksumAlgorithm.SHA512, "https://x/y.sha512"))
        .hasMessage("https://x/y.sha512 is the checksum of other.tgz, not of " + FILE);
  }

  @Test
  void refusesAValueOfTheWrongLength() {
    assertThatThrownBy(() -> ChecksumFileParser.parse("abcd  " + FILE, FILE, ChecksumAlgorithm.SHA512,
            "https://x/y.sha512"))
        .hasMessage("https://x/y.sha512 holds no sha512 checksum of " + FILE + " (expected \"<hex>  " + FILE
            + "\", \"" + FILE + ": <HEX GROUPS>\" or a bare hex value)");
  }
}
