package dev.bonfire.infra;

import static dev.bonfire.infra.Fixtures.list;
import static dev.bonfire.infra.Fixtures.map;
import static dev.bonfire.infra.Fixtures.refersTo;
import static dev.bonfire.infra.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.infra.Fixtures.Tpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The export bucket, the log groups, the key and who may use what. */
class StorageAndAccessTest {

  static Tpl tpl;
  static String keyId;
  static String exportsId;

  @BeforeAll
  static void synthesize() {
    tpl = Fixtures.template(Fixtures.config().build());
    keyId = tpl.logicalId("AWS::KMS::Key", "DataKey");
    exportsId = tpl.logicalId("AWS::S3::Bucket", "Exports");
  }

  @Test
  void exportBucket_isEncryptedWithTheCustomerKey_versioned_private_andAccessLogged() {
    Map<String, Object> bucket = tpl.byIdPrefix("AWS::S3::Bucket", "Exports");
    Map<String, Object> sse = list(map(bucket.get("BucketEncryption"))
        .get("ServerSideEncryptionConfiguration")).get(0);
    Map<String, Object> byDefault = map(sse.get("ServerSideEncryptionByDefault"));
    assertThat(byDefault.get("SSEAlgorithm")).isEqualTo("aws:kms");
    assertThat(refersTo(byDefault.get("KMSMasterKeyID"), keyId)).isTrue();
    assertThat(map(bucket.get("VersioningConfiguration"))).containsEntry("Status", "Enabled");
    assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsEntry("BlockPublicAcls", true)
        .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true)
        .containsEntry("RestrictPublicBuckets", true);
    Map<String, Object> logging = map(bucket.get("LoggingConfiguration"));
    assertThat(refersTo(logging.get("DestinationBucketName"),
        tpl.logicalId("AWS::S3::Bucket", "AccessLogs"))).isTrue();
  }

  @Test
  void exportBucketPolicy_deniesEveryRequestWithoutTls() {
    Map<String, Object> policy = tpl.resources("AWS::S3::BucketPolicy").values().stream()
        .map(Fixtures::props).filter(p -> refersTo(p.get("Bucket"), exportsId)).findFirst()
        .orElseThrow();
    assertThat(list(map(policy.get("PolicyDocument")).get("Statement"))).anySatisfy(s -> {
      assertThat(s.get("Effect")).isEqualTo("Deny");
      assertThat(s.get("Action")).isEqualTo("s3:*");
      assertThat(map(map(s.get("Condition")).get("Bool")))
          .containsEntry("aws:SecureTransport", "false");
    });
  }

  @Test
  void serviceRole_mayWriteExportsOnlyUnderItsPrefix() {
    List<Map<String, Object>> s3 = tpl.managedPolicyStatements("ServicePermissions").stream()
        .filter(s -> strings(s.get("Action")).stream().anyMatch(a -> a.startsWith("s3:")))
        .toList();

    assertThat(s3).hasSize(2);
    Map<String, Object> objects = s3.stream().filter(s -> strings(s.get("Action"))
        .contains("s3:PutObject")).findFirst().orElseThrow();
    assertThat(objects.get("Resource").toString()).endsWith("/exports/*]]}")
        .contains(exportsId);
    assertThat(strings(objects.get("Action")))
        .containsExactlyInAnyOrder("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload");
    Map<String, Object> listing = s3.stream().filter(s -> strings(s.get("Action"))
        .contains("s3:ListBucket")).findFirst().orElseThrow();
    assertThat(map(map(listing.get("Condition")).get("StringLike")))
        .containsEntry("s3:prefix", List.of("exports/*"));
    assertThat(tpl.allIamStatements()).noneSatisfy(s ->
        assertThat(strings(s.get("Action"))).anyMatch(a -> a.equals("s3:*") || a.equals("*")));
  }

  @Test
  void serviceRole_usesTheKeyOnlyThroughS3ForExports_orWithABonfireEncryptionContext() {
    List<Map<String, Object>> kms = tpl.managedPolicyStatements("ServicePermissions").stream()
        .filter(s -> strings(s.get("Action")).stream().anyMatch(a -> a.startsWith("kms:")))
        .toList();

    assertThat(kms).hasSize(2).allSatisfy(s -> {
      assertThat(strings(s.get("Action"))).containsExactlyInAnyOrder("kms:GenerateDataKey",
          "kms:Decrypt");
      assertThat(refersTo(s.get("Resource"), keyId)).isTrue();
      assertThat(s).containsKey("Condition");
    });
    assertThat(kms).anySatisfy(s -> assertThat(map(map(s.get("Condition")).get("StringEquals")))
        .containsEntry("kms:ViaService", "s3.eu-central-1.amazonaws.com")
        .containsKey("kms:EncryptionContext:aws:s3:arn"));
    assertThat(kms).anySatisfy(s -> assertThat(map(map(s.get("Condition")).get("Null")))
        .containsEntry("kms:EncryptionContext:tenant", "false"));
  }

  @Test
  void executionRole_readsOnlyTheDatabaseSecret_andDecryptsOnlyViaSecretsManager() {
    List<Map<String, Object>> statements = tpl.managedPolicyStatements("ServiceExecutionPermissions");
    assertThat(statements).anySatisfy(s -> {
      assertThat(strings(s.get("Action"))).contains("secretsmanager:GetSecretValue");
      assertThat(refersTo(s.get("Resource"),
          tpl.logicalId("AWS::SecretsManager::SecretTargetAttachment", "Database"))).isTrue();
    });
    assertThat(statements).filteredOn(s -> strings(s.get("Action")).contains("kms:Decrypt"))
        .singleElement().satisfies(s -> assertThat(map(map(s.get("Condition")).get("StringEquals")))
            .containsEntry("kms:ViaService", "secretsmanager.eu-central-1.amazonaws.com"));
  }

  @Test
  void ourRoles_haveNoInlinePolicies_andNoStatementGrantsEverything() {
    assertThat(tpl.resources("AWS::IAM::Policy")).isEmpty();
    for (String role : List.of("ServiceTaskRole", "ServiceExecutionRole", "FlowLogRole",
        "RestartOnRotationRole", "RotationEventsRole")) {
      assertThat(tpl.byIdPrefix("AWS::IAM::Role", role)).doesNotContainKey("Policies");
    }
    assertThat(tpl.allIamStatements()).allSatisfy(s -> {
      assertThat(strings(s.get("Action"))).noneMatch(a -> a.endsWith(":*") || a.equals("*"));
    });
  }

  @Test
  void everyLogGroup_isEncryptedWithTheKey_andKeepsItsLogs() {
    Map<String, Map<String, Object>> groups = tpl.resources("AWS::Logs::LogGroup");
    assertThat(groups).hasSize(5).allSatisfy((id, g) -> {
      Map<String, Object> p = Fixtures.props(g);
      assertThat(refersTo(p.get("KmsKeyId"), keyId)).as(id).isTrue();
      assertThat((Integer) p.get("RetentionInDays")).as(id).isGreaterThanOrEqualTo(365);
      assertThat(g.get("DeletionPolicy")).as(id).isEqualTo("Retain");
    });
    assertThat(tpl.byIdPrefix("AWS::Logs::LogGroup", "AuditLogs"))
        .containsEntry("LogGroupName", "/bonfire/prod/audit").containsEntry("RetentionInDays", 2192);
    assertThat(tpl.byIdPrefix("AWS::Logs::LogGroup", "ServiceLogs"))
        .containsEntry("RetentionInDays", 365);
    assertThat(tpl.managedPolicyStatements("ServicePermissions")).anySatisfy(s ->
        assertThat(refersTo(s.get("Resource"), tpl.logicalId("AWS::Logs::LogGroup", "AuditLogs")))
            .isTrue());
  }

  @Test
  void createdKey_rotates_isRetained_andLetsCloudWatchLogsUseItOnlyForThisEnvironment() {
    Map<String, Map<String, Object>> keys = tpl.resources("AWS::KMS::Key");
    Map<String, Object> key = Fixtures.props(keys.get(keyId));
    assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
    assertThat(keys.get(keyId)).containsEntry("DeletionPolicy", "Retain");
    assertThat(list(map(key.get("KeyPolicy")).get("Statement"))).anySatisfy(s -> {
      assertThat(map(s.get("Principal"))).containsEntry("Service", "logs.eu-central-1.amazonaws.com");
      assertThat(strings(map(map(s.get("Condition")).get("ArnLike"))
          .get("kms:EncryptionContext:aws:logs:arn")))
          .allMatch(arn -> arn.contains(":log-group:/bonfire/prod/")
              || arn.contains(":log-group:/aws/rds/instance/bonfire-prod/"));
    });
  }

  @Test
  void customerKey_isUsedAsIs_andNoKeyIsCreated() {
    BonfireConfig.Builder b = Fixtures.config();
    b.kmsKeyArn = Fixtures.CUSTOMER_KEY;

    Tpl withCustomerKey = Fixtures.template(b.build());

    assertThat(withCustomerKey.resources("AWS::KMS::Key")).isEmpty();
    assertThat(withCustomerKey.only("AWS::RDS::DBInstance").get("KmsKeyId"))
        .isEqualTo(Fixtures.CUSTOMER_KEY);
    assertThat(withCustomerKey.only("AWS::SecretsManager::Secret").get("KmsKeyId"))
        .isEqualTo(Fixtures.CUSTOMER_KEY);
    assertThat(withCustomerKey.resources("AWS::Logs::LogGroup").values()).allSatisfy(g ->
        assertThat(Fixtures.props(g).get("KmsKeyId")).isEqualTo(Fixtures.CUSTOMER_KEY));
  }
}
