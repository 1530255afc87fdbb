package dev.bonfire.infra;

import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/**
 * Entry point of {@code cdk synth} / {@code cdk deploy}: reads the parameters from CDK context,
 * builds one {@link BonfireStack} and runs cdk-nag's HIPAA Security pack over it, so synthesis
 * fails on any finding that is not acknowledged with a reason.
 */
public final class BonfireApp {

  private BonfireApp() {}

  public static void main(String[] args) {
    App app = new App();
    BonfireConfig config = BonfireConfig.fromContext(key -> app.getNode().tryGetContext(key));
    stack(app, config);
    enableHipaaChecks(app);
    app.synth();
  }

  /**
   * Registers cdk-nag's HIPAA Security pack as a policy validation plugin: synthesis then fails on
   * any finding that is not acknowledged.
   */
  public static void enableHipaaChecks(App app) {
    Validations.of(app).addPlugins(new HIPAASecurityChecks(app));
  }

  /** Builds the stack for {@code config} in {@code app}; tests use the same path. */
  public static BonfireStack stack(App app, BonfireConfig config) {
    return stack(app, config, true);
  }

  static BonfireStack stack(App app, BonfireConfig config, boolean applyAcknowledgments) {
    return new BonfireStack(app, "Bonfire-" + config.environmentName(), StackProps.builder()
        .env(Environment.builder().account(config.account()).region(config.region()).build())
        .description("bonfire clinical data layer, environment " + config.environmentName()
            + " (infra/cdk)")
        .terminationProtection(true)
        .build(), config, applyAcknowledgments);
  }
}
