package io.piobuildpack.buildpack.install.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PipelinedGunzipTest {

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }

  @Test
  void yieldsTheDecompressedBytesAcrossChunks() throws Exception {
    byte[] content = new byte[(3 << 20) + 17];
    new Random(5).nextBytes(content);

    try (PipelinedGunzip in = new PipelinedGunzip(new ByteArrayInputStream(gzip(content)))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void inflaterErrorsSurfaceOnRead() {
    PipelinedGunzip in = new PipelinedGunzip(new ByteArrayInputStream("not gzip".getBytes()));

    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Not in GZIP format");
    in.close();
  }

  @Test
  void closingEarlyStopsTheInflatingThread() throws Exception {
    byte[] content = new byte[32 << 20];
    new Random(6).nextBytes(content);
    PipelinedGunzip in = new PipelinedGunzip(new ByteArrayInputStream(gzip(content)));
    assertThat(in.read(new byte[10])).isEqualTo(10);

    in.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gunzipThreads() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(5); // poll interval of a bounded wait for the condition
    }
    assertThat(gunzipThreads()).isZero();
  }

  private static long gunzipThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("gunzip") && t.isAlive())
        .count();
  }
}
