package dev.bonfire.infra;

import static dev.bonfire.infra.Fixtures.list;
import static dev.bonfire.infra.Fixtures.map;
import static dev.bonfire.infra.Fixtures.props;
import static dev.bonfire.infra.Fixtures.refersTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.infra.Fixtures.Tpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  static Tpl tpl;
  static Map<String, Object> db;
  static String keyId;

  @BeforeAll
  static void synthesize() {
    tpl = Fixtures.template(Fixtures.config().build());
    db = tpl.only("AWS::RDS::DBInstance");
    keyId = tpl.logicalId("AWS::KMS::Key", "DataKey");
  }

  @Test
  void database_isPostgres17_whichShipsPgvector() {
    assertThat(db.get("Engine")).isEqualTo("postgres");
    assertThat(db.get("EngineVersion")).isEqualTo("17");
    assertThat(db.get("AutoMinorVersionUpgrade")).isEqualTo(true);
  }

  @Test
  void database_isEncryptedWithTheCustomerKey_andNotPubliclyReachable() {
    assertThat(db.get("StorageEncrypted")).isEqualTo(true);
    assertThat(refersTo(db.get("KmsKeyId"), keyId)).isTrue();
    assertThat(refersTo(db.get("PerformanceInsightsKMSKeyId"), keyId)).isTrue();
    assertThat(db.get("PubliclyAccessible")).isEqualTo(false);
    String subnetGroup = tpl.logicalId("AWS::RDS::DBSubnetGroup", "Database");
    List<?> subnets = (List<?>) tpl.byIdPrefix("AWS::RDS::DBSubnetGroup", "Database").get("SubnetIds");
    assertThat(subnets).hasSize(2).allSatisfy(s ->
        assertThat(map(s).get("Ref").toString()).startsWith("NetworkdatabaseSubnet"));
    assertThat(refersTo(db.get("DBSubnetGroupName"), subnetGroup)).isTrue();
  }

  @Test
  void database_forcesTls_throughItsParameterGroup() {
    Map<String, Object> params = map(tpl.only("AWS::RDS::DBParameterGroup").get("Parameters"));
    assertThat(params).containsEntry("rds.force_ssl", "1")
        .containsEntry("ssl_min_protocol_version", "TLSv1.2");
    assertThat(refersTo(db.get("DBParameterGroupName"),
        tpl.logicalId("AWS::RDS::DBParameterGroup", "DatabaseParameters"))).isTrue();
    assertThat(db.get("CACertificateIdentifier")).isEqualTo("rds-ca-rsa2048-g1");
  }

  @Test
  void database_keepsBackups_isProtectedFromDeletion_andIsMultiAz() {
    assertThat(db.get("BackupRetentionPeriod")).isEqualTo(35);
    assertThat(db.get("DeletionProtection")).isEqualTo(true);
    assertThat(db.get("MultiAZ")).isEqualTo(true);
    Map<String, Map<String, Object>> instances = tpl.resources("AWS::RDS::DBInstance");
    assertThat(instances.values().iterator().next())
        .containsEntry("DeletionPolicy", "Snapshot")
        .containsEntry("UpdateReplacePolicy", "Snapshot");
  }

  @Test
  void database_isSingleAz_onlyWhenTheParameterSaysSo() {
    BonfireConfig.Builder b = Fixtures.config();
    b.dbMultiAz = false;
    b.dbBackupRetentionDays = 7;

    Map<String, Object> single = Fixtures.template(b.build()).only("AWS::RDS::DBInstance");

    assertThat(single.get("MultiAZ")).isEqualTo(false);
    assertThat(single.get("BackupRetentionPeriod")).isEqualTo(7);
  }

  @Test
  void database_exportsItsLogs_intoEncryptedGroupsWithRetention() {
    assertThat(db.get("EnableCloudwatchLogsExports")).isEqualTo(List.of("postgresql", "upgrade"));
    Map<String, Object> postgresLog = tpl.byIdPrefix("AWS::Logs::LogGroup", "DatabaseLogs");
    assertThat(postgresLog.get("LogGroupName"))
        .isEqualTo("/aws/rds/instance/bonfire-prod/postgresql");
    assertThat(refersTo(postgresLog.get("KmsKeyId"), keyId)).isTrue();
    assertThat(postgresLog.get("RetentionInDays")).isEqualTo(2192);
    assertThat(db.get("DBInstanceIdentifier")).isEqualTo("bonfire-prod");
    assertThat(db.get("MonitoringInterval")).isEqualTo(60);
  }

  @Test
  void credentials_liveInSecretsManager_encryptedWithTheCustomerKey_andRotate() {
    Map<String, Object> secret = tpl.only("AWS::SecretsManager::Secret");
    assertThat(refersTo(secret.get("KmsKeyId"), keyId)).isTrue();
    assertThat(map(secret.get("GenerateSecretString")).get("SecretStringTemplate").toString())
        .contains("bonfire_admin");
    assertThat(db.get("MasterUserPassword").toString()).contains("resolve:secretsmanager");

    Map<String, Object> rotation = tpl.only("AWS::SecretsManager::RotationSchedule");
    assertThat(map(rotation.get("RotationRules"))).containsEntry("ScheduleExpression", "rate(30 days)");
    Map<String, Object> lambda = map(rotation.get("HostedRotationLambda"));
    assertThat(lambda.get("RotationType")).isEqualTo("PostgreSQLSingleUser");
    assertThat(refersTo(lambda.get("KmsKeyArn"), keyId)).isTrue();
    assertThat(refersTo(lambda.get("VpcSubnetIds"), "NetworkserviceSubnet1Subnet0A66A821")).isTrue();
  }

  @Test
  void database_acceptsPostgresOnlyFromTheServiceAndTheRotationFunction() {
    String dbSg = tpl.logicalId("AWS::EC2::SecurityGroup", "DatabaseSecurityGroup");
    List<Map<String, Object>> ingress = tpl.resources("AWS::EC2::SecurityGroupIngress").values()
        .stream().map(Fixtures::props).filter(p -> refersTo(p.get("GroupId"), dbSg)).toList();

    assertThat(ingress).hasSize(2).allSatisfy(rule -> {
      assertThat(rule.get("FromPort")).isEqualTo(5432);
      assertThat(rule.get("ToPort")).isEqualTo(5432);
      assertThat(rule).doesNotContainKey("CidrIp");
    });
    assertThat(ingress).anySatisfy(r -> assertThat(refersTo(r.get("SourceSecurityGroupId"),
        tpl.logicalId("AWS::EC2::SecurityGroup", "ServiceSecurityGroup"))).isTrue());
    assertThat(ingress).anySatisfy(r -> assertThat(refersTo(r.get("SourceSecurityGroupId"),
        tpl.logicalId("AWS::EC2::SecurityGroup", "RotationSecurityGroup"))).isTrue());
    Map<String, Object> sg = tpl.byIdPrefix("AWS::EC2::SecurityGroup", "DatabaseSecurityGroup");
    assertThat(list(sg.get("SecurityGroupIngress"))).isEmpty();
  }
}
