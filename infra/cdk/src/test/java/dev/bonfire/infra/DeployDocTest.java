package dev.bonfire.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/deploy.md tells the customer what the code does: parameters and acknowledgments. */
class DeployDocTest {

  static String doc;

  @BeforeAll
  static void read() throws Exception {
    doc = Files.readString(Path.of("../../docs/deploy.md"));
  }

  @Test
  void everyParameter_isDocumented() {
    assertThat(Arrays.stream(BonfireConfig.class.getRecordComponents())
        .map(c -> "`" + c.getName() + "`"))
        .allSatisfy(name -> assertThat(doc).contains(name));
  }

  @Test
  void everyHipaaAcknowledgment_isListedWithItsReason() {
    BonfireConfig.Builder b = Fixtures.config();
    b.dbMultiAz = false;
    BonfireStack stack = Fixtures.stack(b.build());

    assertThat(stack.acknowledgments()).allSatisfy(a ->
        assertThat(doc).contains("`" + a.ruleId().replace("HIPAA.Security-", "") + "`"));
  }
}
