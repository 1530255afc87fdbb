package dev.bonfire.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecr.assets.TarballImageAsset;
import software.amazon.awscdk.services.ecr.assets.TarballImageAssetProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Capability;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LinuxParameters;
import software.amazon.awscdk.services.ecs.LinuxParametersProps;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerRedirectConfig;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.DesyncMitigationMode;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;
import software.amazon.awscdk.services.secretsmanager.SingleUserHostedRotationOptions;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One bonfire environment in the customer's own AWS account: a VPC, RDS for PostgreSQL, the
 * service on ECS Fargate behind an HTTPS-only load balancer, an export bucket and encrypted log
 * groups, all encrypted with the customer's KMS key.
 *
 * <p>Every HIPAA Security finding of cdk-nag that the design accepts is acknowledged next to the
 * resource it concerns, with the reason; see {@code docs/deploy.md} for the list.
 */
public final class BonfireStack extends Stack {

  /** The container's HTTP port (the app's default). */
  public static final int SERVICE_PORT = 8080;
  /** PostgreSQL's port; set explicitly so security group rules carry a literal port. */
  public static final int DATABASE_PORT = 5432;
  /** PostgreSQL major version on RDS; every 17.x minor on RDS has pgvector 0.8. */
  public static final String POSTGRES_MAJOR_VERSION = "17";
  /** The database that the app uses. */
  public static final String DATABASE_NAME = "bonfire";
  /** The master user; the app runs migrations, including {@code CREATE EXTENSION vector}. */
  public static final String DATABASE_USER = "bonfire_admin";
  /** The numeric non-root user the image runs as (see {@code infra/image}). */
  public static final String CONTAINER_USER = "65532:65532";
  /** The health check command shipped in the image. */
  public static final String HEALTHCHECK_COMMAND = "/opt/bonfire/bin/healthcheck";

  private static final Pattern ECR_IMAGE =
      Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+)(?::([\\w.-]+)|@(sha256:[0-9a-f]{64}))");

  private final BonfireConfig config;
  private final IKey key;
  private final Vpc vpc;
  private final DatabaseInstance database;
  private final Bucket exportBucket;
  private final Bucket logBucket;
  private final LogGroup serviceLogGroup;
  private final LogGroup auditLogGroup;
  private final FargateService service;
  private final ApplicationLoadBalancer loadBalancer;
  private final Role taskRole;
  private final Role executionRole;

  private final boolean applyAcknowledgments;
  private final List<Acknowledged> acknowledged = new ArrayList<>();

  /** A HIPAA Security rule that this stack accepts on one construct, and why. */
  public record Acknowledged(String ruleId, String constructPath, String reason) {}

  public BonfireStack(Construct scope, String id, StackProps props, BonfireConfig config) {
    this(scope, id, props, config, true);
  }

  /**
   * Builds the stack; with {@code applyAcknowledgments} false the acknowledgments are only
   * recorded, so a test can check that each one matches a real finding.
   */
  BonfireStack(Construct scope, String id, StackProps props, BonfireConfig config,
      boolean applyAcknowledgments) {
    super(scope, id, props);
    this.config = config;
    this.applyAcknowledgments = applyAcknowledgments;
    Tags.of(this).add("bonfire:environment", config.environmentName());
    Tags.of(this).add("data-classification", "phi");

    key = encryptionKey();
    logBucket = accessLogBucket();
    vpc = network();
    database = database();
    exportBucket = exportBucket();
    serviceLogGroup = logGroup("ServiceLogs", "/bonfire/" + env() + "/service",
        Retention.of("serviceLogRetentionDays", config.serviceLogRetentionDays()));
    auditLogGroup = logGroup("AuditLogs", "/bonfire/" + env() + "/audit",
        Retention.of("auditLogRetentionDays", config.auditLogRetentionDays()));
    taskRole = taskRole();
    executionRole = executionRoleShell();
    SecurityGroup serviceSecurityGroup = serviceSecurityGroup();
    service = service(serviceSecurityGroup);
    loadBalancer = loadBalancer();
    restartServiceAfterPasswordRotation();
    outputs();
  }

  /** Synthesis never asks AWS for zones: the configured ones are the stack's. */
  @Override
  public List<String> getAvailabilityZones() {
    return config.availabilityZones();
  }

  // ---------------------------------------------------------------- key

  private IKey encryptionKey() {
    if (!config.createsKey()) {
      // The customer's key: its policy is theirs. docs/deploy.md lists the two statements it needs
      // (IAM delegation to this account, and CloudWatch Logs for /bonfire/* and /aws/rds/*).
      return Key.fromKeyArn(this, "DataKey", config.kmsKeyArn());
    }
    Key created = Key.Builder.create(this, "DataKey")
        .description("bonfire " + env() + ": encrypts the database, its secret, exports and logs")
        .alias("alias/bonfire-" + env())
        .enableKeyRotation(true)
        .rotationPeriod(Duration.days(365))
        .pendingWindow(Duration.days(30))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    created.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("AllowCloudWatchLogsForThisEnvironment")
        .principals(List.of(new ServicePrincipal("logs." + config.region() + ".amazonaws.com")))
        .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
            "kms:Describe*"))
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", List.of(
            logGroupArnPattern("/bonfire/" + env() + "/*"),
            logGroupArnPattern("/aws/rds/instance/" + databaseIdentifier() + "/*")))))
        .build());
    return created;
  }

  // ---------------------------------------------------------------- network

  private Vpc network() {
    LogGroup flowLogGroup = logGroup("FlowLogs", "/bonfire/" + env() + "/vpc-flow-logs",
        Retention.of("auditLogRetentionDays", config.auditLogRetentionDays()));
    Role flowLogRole = Role.Builder.create(this, "FlowLogRole")
        .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com"))
        .description("Lets VPC Flow Logs write to the flow log group of bonfire " + env())
        .managedPolicies(List.of(ManagedPolicy.Builder.create(this, "FlowLogWrite")
            .description("Write VPC flow logs to one log group")
            .statements(List.of(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents",
                    "logs:DescribeLogStreams"))
                .resources(List.of(flowLogGroup.getLogGroupArn()))
                .build()))
            .build()))
        .build();

    Vpc network = Vpc.Builder.create(this, "Network")
        .ipAddresses(IpAddresses.cidr(config.vpcCidr()))
        .availabilityZones(config.availabilityZones())
        .natGateways(config.natGateways())
        .restrictDefaultSecurityGroup(true)
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name("edge").subnetType(SubnetType.PUBLIC)
                .cidrMask(24).mapPublicIpOnLaunch(false).build(),
            SubnetConfiguration.builder().name("service").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                .cidrMask(20).build(),
            SubnetConfiguration.builder().name("database").subnetType(SubnetType.PRIVATE_ISOLATED)
                .cidrMask(24).build()))
        .flowLogs(Map.of("All", FlowLogOptions.builder()
            .destination(FlowLogDestination.toCloudWatchLogs(flowLogGroup,
                flowLogRole.withoutPolicyUpdates()))
            .trafficType(FlowLogTrafficType.ALL)
            .build()))
        .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder()
            .service(GatewayVpcEndpointAwsService.S3).build()))
        .build();

    // CloudFormation's own linter (not HIPAA) warns about literal zones; they are literal on
    // purpose: chosen by the availabilityZones parameter, so synthesis never calls AWS.
    Validations.of(network).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
        .reason("Zones are set by the availabilityZones parameter so that synthesis is "
            + "reproducible offline; subnets have to name a zone.")
        .build());
    for (ISubnet subnet : network.getPublicSubnets()) {
      acknowledge(subnet.getNode().findChild("DefaultRoute"), "VPCNoUnrestrictedRouteToIGW",
          "Only the load balancer and the NAT gateways live in these public subnets; they need the "
              + "route to the internet gateway. The service and the database sit in private "
              + "subnets without it, and public subnets do not auto-assign public IPs.");
    }
    return network;
  }

  private SubnetSelection serviceSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  // ---------------------------------------------------------------- database

  private String databaseIdentifier() {
    return "bonfire-" + env();
  }

  private DatabaseInstance database() {
    // Major version only: RDS picks the current minor (17.x ships pgvector 0.8) and automatic
    // minor upgrades never conflict with a pinned minor in the template.
    IInstanceEngine engine = DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
        .version(PostgresEngineVersion.of(POSTGRES_MAJOR_VERSION, POSTGRES_MAJOR_VERSION)).build());
    ParameterGroup parameters = ParameterGroup.Builder.create(this, "DatabaseParameters")
        .engine(engine)
        .description("bonfire " + env() + ": TLS only, connection logging")
        .parameters(Map.of(
            "rds.force_ssl", "1",
            "ssl_min_protocol_version", "TLSv1.2",
            "password_encryption", "scram-sha-256",
            "log_connections", "1",
            "log_disconnections", "1"))
        .build();

    // RDS creates these groups on first export unless they exist: created here, they are encrypted
    // with the customer key and keep a retention period.
    LogGroup postgresLog = logGroup("DatabaseLogs",
        "/aws/rds/instance/" + databaseIdentifier() + "/postgresql",
        Retention.of("auditLogRetentionDays", config.auditLogRetentionDays()));
    LogGroup upgradeLog = logGroup("DatabaseUpgradeLogs",
        "/aws/rds/instance/" + databaseIdentifier() + "/upgrade",
        Retention.of("serviceLogRetentionDays", config.serviceLogRetentionDays()));

    SecurityGroup databaseSecurityGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
        .vpc(vpc)
        .description("bonfire " + env() + " database: PostgreSQL from the service and the rotation function only")
        .allowAllOutbound(false)
        .build();

    DatabaseInstance db = DatabaseInstance.Builder.create(this, "Database")
        .instanceIdentifier(databaseIdentifier())
        .engine(engine)
        .parameterGroup(parameters)
        .instanceType(new InstanceType(config.dbInstanceType()))
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
        .securityGroups(List.of(databaseSecurityGroup))
        .port(DATABASE_PORT)
        .publiclyAccessible(false)
        .databaseName(DATABASE_NAME)
        .credentials(Credentials.fromGeneratedSecret(DATABASE_USER, CredentialsBaseOptions.builder()
            .secretName("bonfire/" + env() + "/database")
            .encryptionKey(key)
            .excludeCharacters(" %+~`#$&*()|[]{}:;<>?!'/@\"\\")
            .build()))
        .storageEncrypted(true)
        .storageEncryptionKey(key)
        .storageType(StorageType.GP3)
        .allocatedStorage(config.dbAllocatedStorageGiB())
        .maxAllocatedStorage(config.dbMaxAllocatedStorageGiB())
        .multiAz(config.dbMultiAz())
        .backupRetention(Duration.days(config.dbBackupRetentionDays()))
        .copyTagsToSnapshot(true)
        .deleteAutomatedBackups(false)
        .deletionProtection(true)
        .removalPolicy(RemovalPolicy.SNAPSHOT)
        .autoMinorVersionUpgrade(true)
        .allowMajorVersionUpgrade(false)
        .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
        .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
        .monitoringInterval(Duration.seconds(60))
        .enablePerformanceInsights(true)
        .performanceInsightEncryptionKey(key)
        .build();
    db.getNode().addDependency(postgresLog, upgradeLog);

    if (!config.dbMultiAz()) {
      acknowledge(db, "RDSMultiAZSupport",
          "Multi-AZ was switched off for this environment with the dbMultiAz parameter (meant for "
              + "non-production); backups and point-in-time restore still protect the data.");
    }
    acknowledge(db, "RDSInBackupPlan",
        "Protected by RDS automated backups with point-in-time restore (" + config.dbBackupRetentionDays()
            + " days, encrypted with the customer key) and a final snapshot on removal; an AWS "
            + "Backup plan with vault lock is an organisation-wide choice the customer makes.");

    // Rotation by a Secrets Manager hosted function in the service subnets (it needs the Secrets
    // Manager API); its own security group may reach PostgreSQL and nothing else on the database.
    SecurityGroup rotationSecurityGroup = SecurityGroup.Builder.create(this, "RotationSecurityGroup")
        .vpc(vpc)
        .description("bonfire " + env() + ": database password rotation function")
        .allowAllOutbound(false)
        .build();
    rotationSecurityGroup.addEgressRule(databaseSecurityGroup, Port.tcp(DATABASE_PORT),
        "rotation function to PostgreSQL");
    rotationSecurityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443),
        "rotation function to the Secrets Manager and KMS APIs");
    databaseSecurityGroup.addIngressRule(rotationSecurityGroup, Port.tcp(DATABASE_PORT),
        "rotation function");
    ISecret secret = db.getSecret();
    secret.addRotationSchedule("Rotation", RotationScheduleOptions.builder()
        .automaticallyAfter(Duration.days(config.dbSecretRotationDays()))
        .hostedRotation(HostedRotation.postgreSqlSingleUser(SingleUserHostedRotationOptions.builder()
            .functionName("bonfire-" + env() + "-db-rotation")
            .vpc(vpc)
            .vpcSubnets(serviceSubnets())
            .securityGroups(List.of(rotationSecurityGroup))
            .excludeCharacters(" %+~`#$&*()|[]{}:;<>?!'/@\"\\")
            .build()))
        .build());
    return db;
  }

  // ---------------------------------------------------------------- buckets

  private Bucket accessLogBucket() {
    Bucket bucket = Bucket.Builder.create(this, "AccessLogs")
        // S3 server access logs and load balancer access logs can only be delivered to buckets
        // encrypted with S3-managed keys.
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .minimumTlsVersion(1.2)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("keep-six-years")
            .transitions(List.of(Transition.builder()
                .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                .transitionAfter(Duration.days(90)).build()))
            .expiration(Duration.days(config.auditLogRetentionDays()))
            .noncurrentVersionExpiration(Duration.days(30))
            .build()))
        .build();
    acknowledge(bucket, "S3DefaultEncryptionKMS",
        "Destination of S3 server access logs and load balancer access logs, which AWS delivers "
            + "only to buckets encrypted with S3-managed keys (SSE-S3); it holds request metadata, "
            + "not exported records.");
    acknowledge(bucket, "S3BucketReplicationEnabled",
        "Logs stay in the deployment region by design (data residency); versioning and S3's "
            + "multi-AZ durability protect them, and a lifecycle rule keeps them six years.");
    return bucket;
  }

  private Bucket exportBucket() {
    Bucket bucket = Bucket.Builder.create(this, "Exports")
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .enforceSsl(true)
        .minimumTlsVersion(1.2)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .serverAccessLogsBucket(logBucket)
        .serverAccessLogsPrefix("s3/exports/")
        .removalPolicy(RemovalPolicy.RETAIN)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("abort-incomplete-uploads")
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build()))
        .build();
    acknowledge(bucket, "S3BucketReplicationEnabled",
        "Exports contain PHI; copying them to a second region is a data-residency decision the "
            + "customer makes (add a replication rule to a bucket encrypted with their key). "
            + "Versioning and S3's multi-AZ durability protect them in this region.");
    return bucket;
  }

  // ---------------------------------------------------------------- logs

  private LogGroup logGroup(String id, String name,
      software.amazon.awscdk.services.logs.RetentionDays retention) {
    return LogGroup.Builder.create(this, id)
        .logGroupName(name)
        .encryptionKey(key)
        .retention(retention)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  private String logGroupArnPattern(String namePattern) {
    return "arn:" + getPartition() + ":logs:" + config.region() + ":" + config.account()
        + ":log-group:" + namePattern;
  }

  // ---------------------------------------------------------------- IAM

  /**
   * The service's own permissions, written out so a reviewer reads them in one place: write and
   * read back under the export prefix, write the audit stream, and use the key only through S3 for
   * the export bucket or directly with a bonfire encryption context.
   */
  private Role taskRole() {
    String prefixArn = exportBucket.arnForObjects(config.exportPrefix() + "*");
    ManagedPolicy policy = ManagedPolicy.Builder.create(this, "ServicePermissions")
        .description("bonfire " + env() + " service: exports under its prefix, audit stream, key use")
        .statements(List.of(
            PolicyStatement.Builder.create()
                .sid("ExportsUnderPrefixOnly")
                .actions(List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"))
                .resources(List.of(prefixArn))
                .build(),
            PolicyStatement.Builder.create()
                .sid("ListExportPrefixOnly")
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(exportBucket.getBucketArn()))
                .conditions(Map.of("StringLike",
                    Map.of("s3:prefix", List.of(config.exportPrefix() + "*"))))
                .build(),
            PolicyStatement.Builder.create()
                .sid("KeyForExportBucketViaS3")
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of(
                    "kms:ViaService", "s3." + config.region() + ".amazonaws.com",
                    "kms:EncryptionContext:aws:s3:arn", exportBucket.getBucketArn())))
                .build(),
            PolicyStatement.Builder.create()
                .sid("KeyForFieldEnvelopeEncryption")
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("Null", Map.of(
                    "kms:EncryptionContext:" + config.fieldEncryptionContextKey(), "false")))
                .build(),
            PolicyStatement.Builder.create()
                .sid("AuditStreamWrite")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(auditLogGroup.getLogGroupArn()))
                .build()))
        .build();
    return Role.Builder.create(this, "ServiceTaskRole")
        .assumedBy(ecsTasks())
        .description("bonfire " + env() + " service (the application itself)")
        .managedPolicies(List.of(policy))
        .build();
  }

  private ServicePrincipal ecsTasks() {
    return new ServicePrincipal("ecs-tasks.amazonaws.com");
  }

  /** Created first, filled in once the image and secrets are known. */
  private Role executionRoleShell() {
    return Role.Builder.create(this, "ServiceExecutionRole")
        .assumedBy(ecsTasks())
        .description("ECS agent for bonfire " + env() + ": pull the image, fetch secrets, ship logs")
        .build();
  }

  // ---------------------------------------------------------------- service

  private SecurityGroup serviceSecurityGroup() {
    SecurityGroup sg = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
        .vpc(vpc)
        .description("bonfire " + env() + " service: HTTP from the load balancer only")
        .allowAllOutbound(false)
        .build();
    sg.addEgressRule(database.getConnections().getSecurityGroups().get(0),
        Port.tcp(DATABASE_PORT), "service to PostgreSQL");
    sg.addEgressRule(Peer.anyIpv4(), Port.tcp(443),
        "service to AWS APIs and the identity provider's JWKS");
    database.getConnections().getSecurityGroups().get(0)
        .addIngressRule(sg, Port.tcp(DATABASE_PORT), "bonfire service");
    return sg;
  }

  private FargateService service(SecurityGroup serviceSecurityGroup) {
    Image image = image();
    FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "ServiceTask")
        .family("bonfire-" + env())
        .cpu(config.serviceCpu())
        .memoryLimitMiB(config.serviceMemoryMiB())
        .runtimePlatform(RuntimePlatform.builder()
            .operatingSystemFamily(OperatingSystemFamily.LINUX)
            .cpuArchitecture(CpuArchitecture.X86_64).build())
        .taskRole(taskRole)
        // Grants that CDK would add as an inline policy are written out below as a managed one.
        .executionRole(executionRole.withoutPolicyUpdates())
        .volumes(List.of(Volume.builder().name("tmp").build()))
        .build();

    // Referenced by ARN, without its key, so that binding it to the container adds nothing to the
    // key policy: the execution role's managed policy below grants exactly what is needed.
    ISecret dbSecret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(
        this, "DatabaseSecretForService", database.getSecret().getSecretArn());
    String jdbcUrl = "jdbc:postgresql://" + database.getDbInstanceEndpointAddress() + ":"
        + DATABASE_PORT + "/" + DATABASE_NAME + "?sslmode=verify-full&sslrootcert="
        + config.rdsCaBundlePath();
    LinuxParameters linux = new LinuxParameters(this, "ServiceLinux",
        LinuxParametersProps.builder().initProcessEnabled(true).build());
    linux.dropCapabilities(Capability.ALL);

    ContainerDefinition container = task.addContainer("bonfire", ContainerDefinitionOptions.builder()
        .image(image.image())
        .essential(true)
        .user(CONTAINER_USER)
        .readonlyRootFilesystem(true)
        .linuxParameters(linux)
        .portMappings(List.of(PortMapping.builder().containerPort(SERVICE_PORT).build()))
        .environment(Map.of(
            "BONFIRE_DATABASE_URL", jdbcUrl,
            "BONFIRE_JWT_JWKS_URL", config.jwksUrl(),
            "BONFIRE_EXPORT_BUCKET", exportBucket.getBucketName(),
            "BONFIRE_EXPORT_PREFIX", config.exportPrefix(),
            "BONFIRE_AUDIT_LOG_GROUP", auditLogGroup.getLogGroupName(),
            "BONFIRE_KMS_KEY_ARN", key.getKeyArn(),
            "BONFIRE_KMS_CONTEXT_KEY", config.fieldEncryptionContextKey(),
            "AWS_REGION", config.region()))
        .secrets(Map.of(
            "BONFIRE_DATABASE_USER", Secret.fromSecretsManager(dbSecret, "username"),
            "BONFIRE_DATABASE_PASSWORD", Secret.fromSecretsManager(dbSecret, "password")))
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
            .logGroup(serviceLogGroup).streamPrefix("bonfire").build()))
        .healthCheck(HealthCheck.builder()
            .command(List.of("CMD", HEALTHCHECK_COMMAND))
            .interval(Duration.seconds(30))
            .timeout(Duration.seconds(5))
            .retries(3)
            .startPeriod(Duration.seconds(90))
            .build())
        .stopTimeout(Duration.seconds(30))
        .build());
    container.addMountPoints(MountPoint.builder()
        .sourceVolume("tmp").containerPath("/tmp").readOnly(false).build());

    executionRole.addManagedPolicy(executionPolicy(image.repository(), dbSecret));

    Cluster cluster = Cluster.Builder.create(this, "Cluster")
        .clusterName("bonfire-" + env())
        .vpc(vpc)
        .containerInsightsV2(ContainerInsights.ENABLED)
        .build();
    return FargateService.Builder.create(this, "Service")
        .serviceName("bonfire")
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(config.serviceDesiredCount())
        .platformVersion(FargatePlatformVersion.LATEST)
        .assignPublicIp(false)
        .vpcSubnets(serviceSubnets())
        .securityGroups(List.of(serviceSecurityGroup))
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .healthCheckGracePeriod(Duration.seconds(120))
        .enableExecuteCommand(false)
        .propagateTags(PropagatedTagSource.SERVICE)
        .build();
  }

  private ManagedPolicy executionPolicy(IRepository repository, ISecret dbSecret) {
    List<PolicyStatement> statements = new ArrayList<>(List.of(
        PolicyStatement.Builder.create()
            .sid("ShipContainerLogs")
            .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
            .resources(List.of(serviceLogGroup.getLogGroupArn()))
            .build(),
        PolicyStatement.Builder.create()
            .sid("ReadDatabaseSecret")
            .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
            .resources(List.of(dbSecret.getSecretArn()))
            .build(),
        PolicyStatement.Builder.create()
            .sid("DecryptDatabaseSecretViaSecretsManager")
            .actions(List.of("kms:Decrypt"))
            .resources(List.of(key.getKeyArn()))
            .conditions(Map.of("StringEquals",
                Map.of("kms:ViaService", "secretsmanager." + config.region() + ".amazonaws.com")))
            .build()));
    if (repository != null) {
      statements.add(PolicyStatement.Builder.create()
          .sid("PullImage")
          .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
              "ecr:BatchGetImage"))
          .resources(List.of(repository.getRepositoryArn()))
          .build());
      statements.add(PolicyStatement.Builder.create()
          .sid("EcrLogin")
          .actions(List.of("ecr:GetAuthorizationToken"))
          .resources(List.of("*")) // this action has no resource-level permissions
          .build());
    }
    return ManagedPolicy.Builder.create(this, "ServiceExecutionPermissions")
        .description("ECS agent for bonfire " + env() + ": image, secrets, logs")
        .statements(statements)
        .build();
  }

  /** The container image and, when it lives in ECR, the repository to grant pulls on. */
  private record Image(ContainerImage image, IRepository repository) {}

  private Image image() {
    if (config.imageTarball() != null) {
      TarballImageAsset asset = new TarballImageAsset(this, "ImageAsset",
          TarballImageAssetProps.builder().tarballFile(config.imageTarball()).build());
      return new Image(ContainerImage.fromEcrRepository(asset.getRepository(), asset.getImageTag()),
          asset.getRepository());
    }
    Matcher ecr = ECR_IMAGE.matcher(config.image());
    if (ecr.matches()) {
      String repositoryName = ecr.group(3);
      IRepository repository = Repository.fromRepositoryAttributes(this, "ImageRepository",
          RepositoryAttributes.builder()
              .repositoryName(repositoryName)
              .repositoryArn("arn:" + getPartition() + ":ecr:" + ecr.group(2) + ":" + ecr.group(1)
                  + ":repository/" + repositoryName)
              .build());
      String tagOrDigest = ecr.group(4) != null ? ecr.group(4) : ecr.group(5);
      return new Image(ContainerImage.fromEcrRepository(repository, tagOrDigest), repository);
    }
    return new Image(ContainerImage.fromRegistry(config.image()), null);
  }

  // ---------------------------------------------------------------- load balancer

  private ApplicationLoadBalancer loadBalancer() {
    SecurityGroup albSecurityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
        .vpc(vpc)
        .description("bonfire " + env() + " load balancer: HTTPS (and HTTP that only redirects)")
        .allowAllOutbound(false)
        .build();
    ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
        .vpc(vpc)
        .internetFacing(config.internetFacing())
        .vpcSubnets(config.internetFacing()
            ? SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build()
            : serviceSubnets())
        .securityGroup(albSecurityGroup)
        .dropInvalidHeaderFields(true)
        .desyncMitigationMode(DesyncMitigationMode.STRICTEST)
        .deletionProtection(true)
        .http2Enabled(true)
        .build();
    alb.logAccessLogs(logBucket, "alb");

    ApplicationListener https = alb.addListener("Https", BaseApplicationListenerProps.builder()
        .port(443)
        .protocol(ApplicationProtocol.HTTPS)
        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
        .certificates(List.of(ListenerCertificate.fromArn(config.certificateArn())))
        .open(false)
        .build());
    albSecurityGroup.addIngressRule(Peer.ipv4(config.allowedIngressCidr()), Port.tcp(443), "HTTPS");
    albSecurityGroup.addIngressRule(Peer.ipv4(config.allowedIngressCidr()), Port.tcp(80),
        "HTTP, answered only with a redirect to HTTPS");
    https.addTargets("Service", AddApplicationTargetsProps.builder()
        .port(SERVICE_PORT)
        .protocol(ApplicationProtocol.HTTP)
        .targets(List.of(service))
        .deregistrationDelay(Duration.seconds(30))
        .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
            .path("/health")
            .healthyHttpCodes("200")
            .interval(Duration.seconds(15))
            .timeout(Duration.seconds(5))
            .healthyThresholdCount(2)
            .unhealthyThresholdCount(3)
            .build())
        .build());
    ApplicationListener redirect = alb.addRedirect(ApplicationLoadBalancerRedirectConfig.builder()
        .sourceProtocol(ApplicationProtocol.HTTP).sourcePort(80)
        .targetProtocol(ApplicationProtocol.HTTPS).targetPort(443)
        .open(false)
        .build());
    acknowledge(redirect, "ELBv2ACMCertificateRequired",
        "The port-80 listener serves nothing: its only action is a permanent (301) redirect to the "
            + "HTTPS listener on 443, which uses the customer's ACM certificate. It exists so that "
            + "plain-HTTP clients are sent to TLS instead of timing out.");
    return alb;
  }

  // ---------------------------------------------------------------- rotation -> restart

  /**
   * ECS hands secrets to a container only when it starts, so after the database password rotates
   * the running tasks would open new connections with the old one. When Secrets Manager reports
   * that this secret rotated, a one-step state machine asks ECS for a rolling redeployment
   * (minimum healthy 100 %), so the new tasks start with the new password. The event reaches
   * EventBridge through CloudTrail, which a HIPAA account runs anyway.
   */
  private void restartServiceAfterPasswordRotation() {
    Role machineRole = Role.Builder.create(this, "RestartOnRotationRole")
        .assumedBy(new ServicePrincipal("states.amazonaws.com"))
        .description("bonfire " + env() + ": redeploy the service after a password rotation")
        .managedPolicies(List.of(ManagedPolicy.Builder.create(this, "RestartOnRotationPermissions")
            .description("Force a new deployment of the bonfire service, nothing else")
            .statements(List.of(PolicyStatement.Builder.create()
                .actions(List.of("ecs:UpdateService"))
                .resources(List.of(service.getServiceArn()))
                .build()))
            .build()))
        .build();
    StateMachine machine = StateMachine.Builder.create(this, "RestartOnRotation")
        .stateMachineName("bonfire-" + env() + "-restart-on-rotation")
        .role(machineRole.withoutPolicyUpdates())
        .timeout(Duration.minutes(5))
        .definitionBody(DefinitionBody.fromChainable(CallAwsService.Builder
            .create(this, "ForceNewDeployment")
            .service("ecs")
            .action("updateService")
            .iamResources(List.of(service.getServiceArn()))
            .parameters(Map.of(
                "Cluster", service.getCluster().getClusterArn(),
                "Service", service.getServiceName(),
                "ForceNewDeployment", true))
            .build()))
        .build();

    Role eventsRole = Role.Builder.create(this, "RotationEventsRole")
        .assumedBy(new ServicePrincipal("events.amazonaws.com"))
        .description("bonfire " + env() + ": start the restart state machine")
        .managedPolicies(List.of(ManagedPolicy.Builder.create(this, "RotationEventsPermissions")
            .description("Start the restart-on-rotation state machine, nothing else")
            .statements(List.of(PolicyStatement.Builder.create()
                .actions(List.of("states:StartExecution"))
                .resources(List.of(machine.getStateMachineArn()))
                .build()))
            .build()))
        .build();
    Rule.Builder.create(this, "PasswordRotated")
        .description("bonfire " + env() + ": the database password rotated")
        .eventPattern(EventPattern.builder()
            .source(List.of("aws.secretsmanager"))
            .detailType(List.of("AWS Service Event via CloudTrail"))
            .detail(Map.of(
                "eventName", List.of("RotationSucceeded"),
                "additionalEventData", Map.of("SecretId", List.of(database.getSecret().getSecretArn()))))
            .build())
        .targets(List.of(SfnStateMachine.Builder.create(machine)
            .role(eventsRole.withoutPolicyUpdates())
            .retryAttempts(10)
            .maxEventAge(Duration.hours(6))
            .build()))
        .build();
  }

  // ---------------------------------------------------------------- outputs

  private void outputs() {
    CfnOutput.Builder.create(this, "LoadBalancerDns").value(loadBalancer.getLoadBalancerDnsName())
        .description("Point your DNS name (the certificate's) here as a CNAME or alias").build();
    CfnOutput.Builder.create(this, "ExportBucketName").value(exportBucket.getBucketName()).build();
    CfnOutput.Builder.create(this, "DatabaseEndpoint")
        .value(database.getDbInstanceEndpointAddress()).build();
    CfnOutput.Builder.create(this, "DatabaseSecretArn")
        .value(database.getSecret().getSecretArn()).build();
    CfnOutput.Builder.create(this, "KeyArn").value(key.getKeyArn()).build();
    CfnOutput.Builder.create(this, "ServiceLogGroup").value(serviceLogGroup.getLogGroupName()).build();
    CfnOutput.Builder.create(this, "AuditLogGroup").value(auditLogGroup.getLogGroupName()).build();
  }

  // ---------------------------------------------------------------- helpers

  private String env() {
    return config.environmentName();
  }

  /** Acknowledges a HIPAA Security rule of cdk-nag on one construct, with the reason. */
  private void acknowledge(IConstruct scope, String rule, String reason) {
    String id = "HIPAA.Security-" + rule;
    acknowledged.add(new Acknowledged(id, scope.getNode().getPath(), reason));
    if (applyAcknowledgments) {
      Validations.of(scope).acknowledge(Acknowledgment.builder().id(id).reason(reason).build());
    }
  }

  /** Every acknowledgment this stack made, in order. */
  public List<Acknowledged> acknowledgments() {
    return List.copyOf(acknowledged);
  }

  /** The configuration this stack was built from. */
  public BonfireConfig config() {
    return config;
  }
}
