package dev.bonfire.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * The compliance reviewer's view: cdk-nag's HIPAA Security pack over the whole stack, in each shape
 * the parameters can give it.
 */
class HipaaSecurityTest {

  @TempDir static Path tmp;

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("production defaults", (Consumer<BonfireConfig.Builder>) b -> {}),
        Arguments.of("customer-managed key", (Consumer<BonfireConfig.Builder>) b ->
            b.kmsKeyArn = Fixtures.CUSTOMER_KEY),
        Arguments.of("single-AZ database, one NAT gateway", (Consumer<BonfireConfig.Builder>) b -> {
          b.dbMultiAz = false;
          b.natGateways = 1;
        }),
        Arguments.of("internal load balancer, three zones", (Consumer<BonfireConfig.Builder>) b -> {
          b.internetFacing = false;
          b.allowedIngressCidr = "10.0.0.0/8";
          b.availabilityZones = List.of("eu-central-1a", "eu-central-1b", "eu-central-1c");
        }),
        Arguments.of("public registry image", (Consumer<BonfireConfig.Builder>) b ->
            b.image = "docker.io/example/bonfire:0.1.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void hipaaSecurityPack_findsNothingUnacknowledged(String shape,
      Consumer<BonfireConfig.Builder> customize) {
    BonfireConfig.Builder b = Fixtures.config();
    customize.accept(b);
    BonfireStack stack = Fixtures.stack(b.build());

    PolicyValidationPluginReport report = new HIPAASecurityChecks(stack).validateScope(stack);

    assertThat(findings(report)).as("unacknowledged HIPAA Security findings").isEmpty();
    assertThat(report.getSuccess()).isTrue();
  }

  @Test
  void hipaaSecurityPack_findsNothingUnacknowledged_whenTheImageIsATarballAsset() throws Exception {
    Path tarball = Files.write(tmp.resolve("jib-image.tar"), new byte[] {0});
    BonfireConfig.Builder b = Fixtures.config();
    b.image = null;
    b.imageTarball = tarball.toString();
    BonfireStack stack = Fixtures.stack(b.build());

    PolicyValidationPluginReport report = new HIPAASecurityChecks(stack).validateScope(stack);

    assertThat(findings(report)).isEmpty();
  }

  @Test
  void everyAcknowledgment_matchesAFindingOnThatConstruct_andThereAreNoOthers() {
    for (boolean multiAz : List.of(true, false)) {
      BonfireConfig.Builder b = Fixtures.config();
      b.dbMultiAz = multiAz;
      BonfireStack unacknowledged = BonfireApp.stack(Fixtures.app(), b.build(), false);

      Set<String> found = findings(new HIPAASecurityChecks(unacknowledged)
          .validateScope(unacknowledged));
      Set<String> acknowledged = unacknowledged.acknowledgments().stream()
          .map(a -> a.ruleId() + " @ " + a.constructPath())
          .collect(Collectors.toCollection(TreeSet::new));

      assertThat(found).as("findings without acknowledgments (multiAz=%s)", multiAz)
          .isEqualTo(acknowledged);
    }
  }

  @Test
  void everyAcknowledgment_givesAReasonAReviewerCanCheck() {
    BonfireConfig.Builder b = Fixtures.config();
    b.dbMultiAz = false;
    BonfireStack stack = Fixtures.stack(b.build());

    assertThat(stack.acknowledgments()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.ruleId()).startsWith("HIPAA.Security-");
      assertThat(a.reason()).as(a.ruleId() + " reason")
          .hasSizeGreaterThan(80)
          .endsWith(".")
          .doesNotContainIgnoringCase("todo")
          .doesNotContainIgnoringCase("not needed");
    });
  }

  @Test
  void synthesis_fails_whenAResourceBreaksAHipaaRuleWithoutAcknowledgment() {
    App app = Fixtures.app();
    BonfireStack stack = BonfireApp.stack(app, Fixtures.config().build());
    new Bucket(stack, "UnencryptedUnloggedBucket");
    BonfireApp.enableHipaaChecks(app);

    assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
  }

  @Test
  void synthesis_succeedsWithTheHipaaPackOn_andNeedsNoAwsLookup() {
    App app = Fixtures.app();
    BonfireApp.stack(app, Fixtures.config().build());
    BonfireApp.enableHipaaChecks(app);

    CloudAssembly assembly = app.synth();

    assertThat(assembly.getManifest().getMissing()).as("context lookups that need AWS")
        .isNullOrEmpty();
    assertThat(assembly.getStacks()).hasSize(1);
  }

  private static Set<String> findings(PolicyValidationPluginReport report) {
    return report.getViolations().stream()
        .flatMap(v -> v.getViolatingResources().stream()
            .map(r -> v.getRuleName() + " @ " + parentOfCfn(r.getConstructPath())))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Findings point at the L1 resource; acknowledgments are made on the L2 that owns it. */
  private static String parentOfCfn(String path) {
    return path.endsWith("/Resource") ? path.substring(0, path.length() - "/Resource".length())
        : path;
  }
}
