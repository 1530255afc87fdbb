package dev.bonfire.infra;

import static dev.bonfire.infra.Fixtures.map;
import static dev.bonfire.infra.Fixtures.refersTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.infra.Fixtures.Tpl;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkTest {

  static Tpl tpl;

  @BeforeAll
  static void synthesize() {
    tpl = Fixtures.template(Fixtures.config().build());
  }

  @Test
  void vpc_logsAllTraffic_toAnEncryptedLogGroup() {
    Map<String, Object> flowLog = tpl.only("AWS::EC2::FlowLog");
    assertThat(flowLog.get("TrafficType")).isEqualTo("ALL");
    assertThat(flowLog.get("LogDestinationType")).isEqualTo("cloud-watch-logs");
    String group = tpl.logicalId("AWS::Logs::LogGroup", "FlowLogs");
    assertThat(refersTo(flowLog.get("LogGroupName"), group)).isTrue();
    assertThat(refersTo(tpl.byIdPrefix("AWS::Logs::LogGroup", "FlowLogs").get("KmsKeyId"),
        tpl.logicalId("AWS::KMS::Key", "DataKey"))).isTrue();
  }

  @Test
  void noSubnet_assignsPublicIps_andTasksGetNone() {
    assertThat(tpl.resources("AWS::EC2::Subnet").values()).hasSize(6).allSatisfy(s ->
        assertThat(Fixtures.props(s).get("MapPublicIpOnLaunch")).isEqualTo(false));
    Map<String, Object> awsvpc = map(map(tpl.only("AWS::ECS::Service")
        .get("NetworkConfiguration")).get("AwsvpcConfiguration"));
    assertThat(awsvpc.get("AssignPublicIp")).isEqualTo("DISABLED");
    assertThat(awsvpc.get("Subnets").toString()).contains("NetworkserviceSubnet")
        .doesNotContain("Networkedge");
  }

  @Test
  void onlyEdgeAndServiceSubnets_haveADefaultRoute_theDatabaseSubnetsHaveNone() {
    Map<String, Map<String, Object>> routes = tpl.resources("AWS::EC2::Route");
    assertThat(routes.keySet()).allSatisfy(id ->
        assertThat(id).matches("Network(edge|service)Subnet\\dDefaultRoute.*"));
    assertThat(routes.values()).allSatisfy(r -> {
      Map<String, Object> p = Fixtures.props(r);
      assertThat(p.get("RouteTableId").toString()).doesNotContain("database");
    });
    routes.forEach((id, r) -> {
      Map<String, Object> p = Fixtures.props(r);
      if (id.startsWith("Networkservice")) {
        assertThat(p).containsKey("NatGatewayId").doesNotContainKey("GatewayId");
      }
    });
  }

  @Test
  void theDefaultSecurityGroup_isStrippedOfItsRules() {
    assertThat(tpl.resources("Custom::VpcRestrictDefaultSG")).hasSize(1);
  }
}
