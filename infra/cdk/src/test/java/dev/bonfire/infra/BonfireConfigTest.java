package dev.bonfire.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BonfireConfigTest {

  private static Map<String, Object> required() {
    Map<String, Object> c = new HashMap<>();
    c.put("account", Fixtures.ACCOUNT);
    c.put("region", Fixtures.REGION);
    c.put("image", Fixtures.IMAGE);
    c.put("certificateArn", Fixtures.CERTIFICATE);
    c.put("jwksUrl", Fixtures.JWKS);
    return c;
  }

  @Test
  void fromContext_appliesSafeDefaults_whenOnlyTheRequiredKeysAreGiven() {
    BonfireConfig config = BonfireConfig.fromContext(required()::get);

    assertThat(config.createsKey()).isTrue();
    assertThat(config.availabilityZones()).containsExactly("eu-central-1a", "eu-central-1b");
    assertThat(config.dbMultiAz()).isTrue();
    assertThat(config.dbBackupRetentionDays()).isEqualTo(35);
    assertThat(config.auditLogRetentionDays()).isEqualTo(2192);
    assertThat(config.rdsCaBundlePath()).isEqualTo("/opt/bonfire/certs/rds-global-bundle.pem");
  }

  @Test
  void fromContext_readsCommandLineStrings_forNumbersBooleansAndLists() {
    Map<String, Object> c = required();
    c.put("dbMultiAz", "false");
    c.put("serviceDesiredCount", "3");
    c.put("availabilityZones", "eu-central-1a, eu-central-1c");
    c.put("kmsKeyArn", Fixtures.CUSTOMER_KEY);

    BonfireConfig config = BonfireConfig.fromContext(c::get);

    assertThat(config.dbMultiAz()).isFalse();
    assertThat(config.serviceDesiredCount()).isEqualTo(3);
    assertThat(config.availabilityZones()).isEqualTo(List.of("eu-central-1a", "eu-central-1c"));
    assertThat(config.kmsKeyArn()).isEqualTo(Fixtures.CUSTOMER_KEY);
  }

  @Test
  void fromContext_namesEveryMissingRequiredKey() {
    assertThatThrownBy(() -> BonfireConfig.fromContext(k -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("account", "region", "certificateArn", "jwksUrl", "image");
  }

  @Test
  void fromContext_namesTheInvalidKey() {
    Map<String, Object> c = required();
    c.put("jwksUrl", "http://idp.example.org/jwks");
    assertThatThrownBy(() -> BonfireConfig.fromContext(c::get)).hasMessageContaining("'jwksUrl'");

    Map<String, Object> d = required();
    d.put("dbBackupRetentionDays", "3");
    assertThatThrownBy(() -> BonfireConfig.fromContext(d::get))
        .hasMessageContaining("'dbBackupRetentionDays'");

    Map<String, Object> e = required();
    e.put("imageTarball", "/tmp/jib-image.tar");
    assertThatThrownBy(() -> BonfireConfig.fromContext(e::get)).hasMessageContaining("'image'");
  }

  @Test
  void auditRetention_belowSixYears_isRefused() {
    BonfireConfig.Builder b = Fixtures.config();
    b.auditLogRetentionDays = 365;
    assertThatThrownBy(b::build).hasMessageContaining("'auditLogRetentionDays'");
  }

  @Test
  void logRetention_thatCloudWatchDoesNotOffer_isRefusedBySynthesis() {
    BonfireConfig.Builder b = Fixtures.config();
    b.serviceLogRetentionDays = 100;
    BonfireConfig config = b.build();
    assertThatThrownBy(() -> Fixtures.stack(config))
        .hasMessageContaining("'serviceLogRetentionDays'");
  }
}
