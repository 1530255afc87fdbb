package dev.bonfire.infra;

import static dev.bonfire.infra.Fixtures.list;
import static dev.bonfire.infra.Fixtures.map;
import static dev.bonfire.infra.Fixtures.props;
import static dev.bonfire.infra.Fixtures.refersTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.infra.Fixtures.Tpl;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceTest {

  static Tpl tpl;
  static Map<String, Object> container;

  @BeforeAll
  static void synthesize() {
    tpl = Fixtures.template(Fixtures.config().build());
    container = list(tpl.only("AWS::ECS::TaskDefinition").get("ContainerDefinitions")).get(0);
  }

  private static Map<String, Object> listener(int port) {
    return tpl.resources("AWS::ElasticLoadBalancingV2::Listener").values().stream()
        .map(Fixtures::props).filter(p -> Integer.valueOf(port).equals(p.get("Port")))
        .findFirst().orElseThrow(() -> new AssertionError("no listener on " + port));
  }

  @Test
  void loadBalancer_servesHttpsWithTheGivenCertificate_andAModernTlsPolicy() {
    Map<String, Object> https = listener(443);
    assertThat(https.get("Protocol")).isEqualTo("HTTPS");
    assertThat(https.get("SslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
    assertThat(list(https.get("Certificates")))
        .containsExactly(Map.of("CertificateArn", Fixtures.CERTIFICATE));
    assertThat(list(https.get("DefaultActions"))).singleElement()
        .satisfies(a -> assertThat(a.get("Type")).isEqualTo("forward"));
  }

  @Test
  void httpListener_onlyRedirectsToHttps() {
    Map<String, Object> http = listener(80);
    assertThat(http.get("Protocol")).isEqualTo("HTTP");
    assertThat(list(http.get("DefaultActions"))).singleElement().satisfies(a -> {
      assertThat(a.get("Type")).isEqualTo("redirect");
      assertThat(map(a.get("RedirectConfig")))
          .containsEntry("Protocol", "HTTPS").containsEntry("Port", "443")
          .containsEntry("StatusCode", "HTTP_301");
    });
    assertThat(tpl.resources("AWS::ElasticLoadBalancingV2::Listener")).hasSize(2);
  }

  @Test
  void loadBalancer_dropsInvalidHeaders_logsAccess_andResistsDeletion() {
    Map<String, Object> attributes = list(tpl.only("AWS::ElasticLoadBalancingV2::LoadBalancer")
        .get("LoadBalancerAttributes")).stream()
        .collect(Collectors.toMap(a -> a.get("Key").toString(), a -> a.get("Value")));
    assertThat(attributes)
        .containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
        .containsEntry("deletion_protection.enabled", "true")
        .containsEntry("access_logs.s3.enabled", "true");
    assertThat(refersTo(attributes.get("access_logs.s3.bucket"),
        tpl.logicalId("AWS::S3::Bucket", "AccessLogs"))).isTrue();
  }

  @Test
  void targetGroup_checksHealthOnSlashHealth_ofPort8080() {
    Map<String, Object> tg = tpl.only("AWS::ElasticLoadBalancingV2::TargetGroup");
    assertThat(tg.get("Port")).isEqualTo(8080);
    assertThat(tg.get("TargetType")).isEqualTo("ip");
    assertThat(tg.get("HealthCheckPath")).isEqualTo("/health");
    assertThat(map(tg.get("Matcher"))).containsEntry("HttpCode", "200");
  }

  @Test
  void databaseUrl_forcesVerifiedTls_withTheCaBundleInTheImage() {
    String url = env().get("BONFIRE_DATABASE_URL").toString();
    assertThat(url).contains("jdbc:postgresql://").contains(":5432/bonfire?")
        .contains("sslmode=verify-full")
        .contains("sslrootcert=/opt/bonfire/certs/rds-global-bundle.pem");
    assertThat(env()).containsEntry("BONFIRE_JWT_JWKS_URL", Fixtures.JWKS)
        .containsEntry("BONFIRE_EXPORT_PREFIX", "exports/")
        .doesNotContainKey("BONFIRE_JWT_SECRET")
        .doesNotContainKey("BONFIRE_DATABASE_PASSWORD");
  }

  @Test
  void databaseCredentials_reachTheContainerAsSecrets_neverAsPlainEnvironment() {
    Map<String, String> secrets = list(container.get("Secrets")).stream().collect(Collectors.toMap(
        s -> s.get("Name").toString(), s -> s.get("ValueFrom").toString()));
    assertThat(secrets).containsOnlyKeys("BONFIRE_DATABASE_USER", "BONFIRE_DATABASE_PASSWORD");
    String secretId = tpl.logicalId("AWS::SecretsManager::SecretTargetAttachment", "Database");
    assertThat(list(container.get("Secrets"))).allSatisfy(s ->
        assertThat(refersTo(s.get("ValueFrom"), secretId)).isTrue());
    assertThat(secrets.get("BONFIRE_DATABASE_PASSWORD")).contains(", :password::]");
    assertThat(secrets.get("BONFIRE_DATABASE_USER")).contains(", :username::]");
  }

  @Test
  void container_runsAsNonRoot_readOnly_withoutCapabilities_andIsHealthChecked() {
    assertThat(container.get("User")).isEqualTo("65532:65532");
    assertThat(container.get("ReadonlyRootFilesystem")).isEqualTo(true);
    Map<String, Object> linux = map(container.get("LinuxParameters"));
    assertThat(map(linux.get("Capabilities")).get("Drop")).isEqualTo(List.of("ALL"));
    assertThat(linux.get("InitProcessEnabled")).isEqualTo(true);
    assertThat(map(container.get("HealthCheck")).get("Command"))
        .isEqualTo(List.of("CMD", "/opt/bonfire/bin/healthcheck"));
    assertThat(list(container.get("PortMappings"))).singleElement()
        .satisfies(p -> assertThat(p.get("ContainerPort")).isEqualTo(8080));
    assertThat(list(container.get("MountPoints"))).singleElement()
        .satisfies(m -> assertThat(m.get("ContainerPath")).isEqualTo("/tmp"));
    assertThat(container.get("Image").toString()).contains("bonfire:0.1.0");
  }

  @Test
  void container_logsToItsEncryptedGroup() {
    Map<String, Object> logging = map(container.get("LogConfiguration"));
    assertThat(logging.get("LogDriver")).isEqualTo("awslogs");
    assertThat(refersTo(map(logging.get("Options")).get("awslogs-group"),
        tpl.logicalId("AWS::Logs::LogGroup", "ServiceLogs"))).isTrue();
  }

  @Test
  void service_acceptsTrafficFromTheLoadBalancerOnly_andTalksOnlyToPostgresAndHttps() {
    String serviceSg = tpl.logicalId("AWS::EC2::SecurityGroup", "ServiceSecurityGroup");
    String albSg = tpl.logicalId("AWS::EC2::SecurityGroup", "LoadBalancerSecurityGroup");
    List<Map<String, Object>> ingress = tpl.resources("AWS::EC2::SecurityGroupIngress").values()
        .stream().map(Fixtures::props).filter(p -> refersTo(p.get("GroupId"), serviceSg)).toList();
    assertThat(ingress).singleElement().satisfies(r -> {
      assertThat(r.get("FromPort")).isEqualTo(8080);
      assertThat(refersTo(r.get("SourceSecurityGroupId"), albSg)).isTrue();
    });
    List<Map<String, Object>> egress = list(tpl.byIdPrefix("AWS::EC2::SecurityGroup",
        "ServiceSecurityGroup").get("SecurityGroupEgress"));
    assertThat(egress).singleElement().satisfies(e -> {
      assertThat(e.get("CidrIp")).isEqualTo("0.0.0.0/0");
      assertThat(e.get("FromPort")).isEqualTo(443);
    });
    assertThat(tpl.resources("AWS::EC2::SecurityGroupEgress").values().stream()
        .map(Fixtures::props).filter(p -> refersTo(p.get("GroupId"), serviceSg)))
        .singleElement().satisfies(e -> assertThat(e.get("FromPort")).isEqualTo(5432));
  }

  @Test
  void loadBalancerSecurityGroup_opensOnly443And80() {
    List<Map<String, Object>> ingress = list(tpl.byIdPrefix("AWS::EC2::SecurityGroup",
        "LoadBalancerSecurityGroup").get("SecurityGroupIngress"));
    assertThat(ingress).extracting(r -> r.get("FromPort")).containsExactlyInAnyOrder(443, 80);
  }

  @Test
  void imageTarball_becomesAnAssetThatTheExecutionRoleMayPull(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path tarball = java.nio.file.Files.write(tmp.resolve("jib-image.tar"),
        new byte[] {1, 2, 3});
    BonfireConfig.Builder b = Fixtures.config();
    b.image = null;
    b.imageTarball = tarball.toString();

    Tpl withTarball = Fixtures.template(b.build());

    Map<String, Object> c = list(withTarball.only("AWS::ECS::TaskDefinition")
        .get("ContainerDefinitions")).get(0);
    assertThat(c.get("Image").toString()).contains("cdk-hnb659fds-container-assets");
    assertThat(withTarball.managedPolicyStatements("ServiceExecutionPermissions"))
        .anySatisfy(s -> assertThat(s.get("Sid")).isEqualTo("PullImage"));
  }

  @Test
  void passwordRotation_triggersARollingRedeploy_soNewTasksGetTheNewPassword() {
    Map<String, Object> rule = tpl.only("AWS::Events::Rule");
    Map<String, Object> pattern = map(rule.get("EventPattern"));
    assertThat(pattern.get("source")).isEqualTo(List.of("aws.secretsmanager"));
    Map<String, Object> detail = map(pattern.get("detail"));
    assertThat(detail.get("eventName")).isEqualTo(List.of("RotationSucceeded"));
    assertThat(refersTo(detail.get("additionalEventData"),
        tpl.logicalId("AWS::SecretsManager::SecretTargetAttachment", "Database"))).isTrue();
    String machineId = tpl.logicalId("AWS::StepFunctions::StateMachine", "RestartOnRotation");
    assertThat(list(rule.get("Targets"))).singleElement()
        .satisfies(t -> assertThat(refersTo(t.get("Arn"), machineId)).isTrue());

    String definition = tpl.only("AWS::StepFunctions::StateMachine").get("DefinitionString")
        .toString();
    assertThat(definition).contains(":states:::aws-sdk:ecs:updateService")
        .contains("\"ForceNewDeployment\":true");
    assertThat(tpl.managedPolicyStatements("RestartOnRotationPermissions")).singleElement()
        .satisfies(s -> {
          assertThat(s.get("Action")).isEqualTo("ecs:UpdateService");
          assertThat(refersTo(s.get("Resource"), tpl.logicalId("AWS::ECS::Service", "Service")))
              .isTrue();
        });
    assertThat(map(tpl.only("AWS::ECS::Service").get("DeploymentConfiguration")))
        .containsEntry("MinimumHealthyPercent", 100);
  }

  private static Map<String, Object> env() {
    return list(container.get("Environment")).stream()
        .collect(Collectors.toMap(e -> e.get("Name").toString(), e -> e.get("Value")));
  }
}
