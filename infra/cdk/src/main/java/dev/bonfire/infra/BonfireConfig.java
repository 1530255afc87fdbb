package dev.bonfire.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The few parameters that describe one bonfire environment in a customer's AWS account.
 *
 * <p>Read from CDK context ({@code cdk.json} or {@code cdk synth -c key=value}) by {@link
 * #fromContext(Function)}; every required key that is missing stops synthesis with a message that
 * names it. Everything else has a default that is safe for production.
 *
 * @param account the 12-digit AWS account to deploy into ({@code account})
 * @param region the AWS region ({@code region})
 * @param environmentName short name used in resource names, for example {@code prod} ({@code
 *     environmentName})
 * @param availabilityZones the zones to spread over; at least two ({@code availabilityZones},
 *     comma-separated; default {@code <region>a,<region>b}). Set explicitly so synthesis never has
 *     to ask AWS.
 * @param kmsKeyArn ARN of the customer-managed KMS key that encrypts everything, or {@code null}
 *     to create one with yearly rotation ({@code kmsKeyArn}; {@code create} means {@code null})
 * @param image the container image: an ECR URI ({@code 123456789012.dkr.ecr.eu-west-1.amazonaws
 *     .com/bonfire:0.1.0} or {@code ...@sha256:...}) or any registry reference ({@code image})
 * @param imageTarball path of a {@code docker save}-format tarball (Jib's {@code jib-image.tar})
 *     to publish as a CDK asset instead of {@code image} ({@code imageTarball}; needs a Docker CLI at
 *     deploy time)
 * @param certificateArn ACM certificate for the HTTPS listener ({@code certificateArn})
 * @param jwksUrl the customer's identity provider JWKS URL ({@code jwksUrl})
 * @param rdsCaBundlePath path, inside the image, of the RDS CA bundle used to verify the database
 *     certificate ({@code rdsCaBundlePath})
 * @param vpcCidr the VPC's address range ({@code vpcCidr})
 * @param natGateways NAT gateways for the service's outbound calls (identity provider, AWS APIs);
 *     one per zone for high availability ({@code natGateways})
 * @param internetFacing whether the load balancer gets a public address ({@code internetFacing})
 * @param allowedIngressCidr who may reach the load balancer ({@code allowedIngressCidr})
 * @param dbInstanceType RDS instance class without the {@code db.} prefix ({@code
 *     dbInstanceType})
 * @param dbAllocatedStorageGiB initial storage ({@code dbAllocatedStorageGiB})
 * @param dbMaxAllocatedStorageGiB storage autoscaling ceiling ({@code dbMaxAllocatedStorageGiB})
 * @param dbMultiAz standby in a second zone ({@code dbMultiAz})
 * @param dbBackupRetentionDays automated backup retention, 1 to 35 ({@code
 *     dbBackupRetentionDays})
 * @param dbSecretRotationDays how often the database password is rotated ({@code
 *     dbSecretRotationDays})
 * @param serviceCpu Fargate CPU units ({@code serviceCpu})
 * @param serviceMemoryMiB Fargate memory ({@code serviceMemoryMiB})
 * @param serviceDesiredCount number of tasks ({@code serviceDesiredCount})
 * @param serviceLogRetentionDays retention of the service's log group ({@code
 *     serviceLogRetentionDays})
 * @param auditLogRetentionDays retention of the audit stream and of access and flow logs; HIPAA
 *     asks for six years of documentation ({@code auditLogRetentionDays})
 * @param exportPrefix the only key prefix the service may write to in the export bucket ({@code
 *     exportPrefix})
 * @param fieldEncryptionContextKey the encryption-context key that every direct KMS call of the
 *     service must carry (envelope encryption of sensitive fields); calls without it are denied
 *     ({@code fieldEncryptionContextKey})
 */
public record BonfireConfig(
    String account,
    String region,
    String environmentName,
    List<String> availabilityZones,
    String kmsKeyArn,
    String image,
    String imageTarball,
    String certificateArn,
    String jwksUrl,
    String rdsCaBundlePath,
    String vpcCidr,
    int natGateways,
    boolean internetFacing,
    String allowedIngressCidr,
    String dbInstanceType,
    int dbAllocatedStorageGiB,
    int dbMaxAllocatedStorageGiB,
    boolean dbMultiAz,
    int dbBackupRetentionDays,
    int dbSecretRotationDays,
    int serviceCpu,
    int serviceMemoryMiB,
    int serviceDesiredCount,
    int serviceLogRetentionDays,
    int auditLogRetentionDays,
    String exportPrefix,
    String fieldEncryptionContextKey) {

  /** Where {@code infra/image} puts the RDS CA bundle inside the image. */
  public static final String DEFAULT_RDS_CA_BUNDLE_PATH = "/opt/bonfire/certs/rds-global-bundle.pem";

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9-]{0,15}");
  private static final Pattern KMS_KEY_ARN =
      Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-fA-F-]{36}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/mrk-[0-9a-f]{32}");
  private static final Pattern CERTIFICATE_ARN =
      Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-fA-F-]+");
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9/_-]*/");
  private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

  /** Validates every value; the message names the context key to fix. */
  public BonfireConfig {
    require(ACCOUNT.matcher(nz(account)).matches(), "account", "a 12-digit AWS account id");
    require(REGION.matcher(nz(region)).matches(), "region", "an AWS region such as eu-central-1");
    require(ENV_NAME.matcher(nz(environmentName)).matches(), "environmentName",
        "1-16 lower-case letters, digits or dashes, starting with a letter");
    availabilityZones = List.copyOf(availabilityZones);
    require(availabilityZones.size() >= 2
            && availabilityZones.stream().allMatch(az -> az.startsWith(region)),
        "availabilityZones", "at least two zones of " + region + ", comma-separated");
    require(kmsKeyArn == null || KMS_KEY_ARN.matcher(kmsKeyArn).matches(), "kmsKeyArn",
        "the ARN of a customer-managed KMS key, or 'create'");
    require((image == null) != (imageTarball == null), "image",
        "exactly one of 'image' (a registry or ECR reference) or 'imageTarball' (a jib-image.tar path)");
    require(CERTIFICATE_ARN.matcher(nz(certificateArn)).matches(), "certificateArn",
        "the ARN of an ACM certificate in " + region);
    require(nz(jwksUrl).startsWith("https://"), "jwksUrl",
        "the https URL of your identity provider's JWKS");
    require(nz(rdsCaBundlePath).startsWith("/"), "rdsCaBundlePath", "an absolute path in the image");
    require(CIDR.matcher(nz(vpcCidr)).matches(), "vpcCidr", "an IPv4 CIDR such as 10.40.0.0/16");
    require(natGateways >= 1 && natGateways <= availabilityZones.size(), "natGateways",
        "between 1 and the number of availability zones");
    require(CIDR.matcher(nz(allowedIngressCidr)).matches(), "allowedIngressCidr", "an IPv4 CIDR");
    require(nz(dbInstanceType).matches("[a-z0-9]+\\.[a-z0-9]+"), "dbInstanceType",
        "an instance class without the db. prefix, such as m7g.large");
    require(dbAllocatedStorageGiB >= 20, "dbAllocatedStorageGiB", "at least 20");
    require(dbMaxAllocatedStorageGiB >= dbAllocatedStorageGiB, "dbMaxAllocatedStorageGiB",
        "at least dbAllocatedStorageGiB");
    require(dbBackupRetentionDays >= 7 && dbBackupRetentionDays <= 35, "dbBackupRetentionDays",
        "between 7 and 35 days");
    require(dbSecretRotationDays >= 1 && dbSecretRotationDays <= 365, "dbSecretRotationDays",
        "between 1 and 365 days");
    require(serviceDesiredCount >= 1, "serviceDesiredCount", "at least 1");
    require(serviceCpu >= 256 && serviceMemoryMiB >= 512, "serviceCpu",
        "a Fargate size (serviceCpu >= 256, serviceMemoryMiB >= 512)");
    require(serviceLogRetentionDays >= 90, "serviceLogRetentionDays", "at least 90 days");
    require(auditLogRetentionDays >= 2192, "auditLogRetentionDays",
        "at least 2192 days (six years, HIPAA documentation retention)");
    require(PREFIX.matcher(nz(exportPrefix)).matches(), "exportPrefix",
        "a key prefix ending in '/', such as exports/");
    require(nz(fieldEncryptionContextKey).matches("[A-Za-z0-9:_-]+"), "fieldEncryptionContextKey",
        "an encryption-context key name");
  }

  /** Whether the stack creates the KMS key (no {@code kmsKeyArn} given). */
  public boolean createsKey() {
    return kmsKeyArn == null;
  }

  /** The values every optional key takes when it is not set. */
  public static Builder defaults() {
    return new Builder();
  }

  /**
   * Reads the configuration from CDK context.
   *
   * @param context looks a key up; returns {@code null} when it is unset
   * @throws IllegalArgumentException naming the first missing or invalid key
   */
  public static BonfireConfig fromContext(Function<String, Object> context) {
    Builder b = defaults();
    b.account = str(context, "account", b.account);
    b.region = str(context, "region", b.region);
    b.environmentName = str(context, "environmentName", b.environmentName);
    String azs = str(context, "availabilityZones", null);
    b.availabilityZones =
        azs == null
            ? (b.region == null ? List.of() : List.of(b.region + "a", b.region + "b"))
            : Arrays.stream(azs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    String key = str(context, "kmsKeyArn", "create");
    b.kmsKeyArn = "create".equalsIgnoreCase(key) ? null : key;
    b.image = str(context, "image", null);
    b.imageTarball = str(context, "imageTarball", null);
    b.certificateArn = str(context, "certificateArn", null);
    b.jwksUrl = str(context, "jwksUrl", null);
    b.rdsCaBundlePath = str(context, "rdsCaBundlePath", b.rdsCaBundlePath);
    b.vpcCidr = str(context, "vpcCidr", b.vpcCidr);
    b.natGateways = integer(context, "natGateways", b.natGateways);
    b.internetFacing = bool(context, "internetFacing", b.internetFacing);
    b.allowedIngressCidr = str(context, "allowedIngressCidr", b.allowedIngressCidr);
    b.dbInstanceType = str(context, "dbInstanceType", b.dbInstanceType);
    b.dbAllocatedStorageGiB = integer(context, "dbAllocatedStorageGiB", b.dbAllocatedStorageGiB);
    b.dbMaxAllocatedStorageGiB =
        integer(context, "dbMaxAllocatedStorageGiB", b.dbMaxAllocatedStorageGiB);
    b.dbMultiAz = bool(context, "dbMultiAz", b.dbMultiAz);
    b.dbBackupRetentionDays = integer(context, "dbBackupRetentionDays", b.dbBackupRetentionDays);
    b.dbSecretRotationDays = integer(context, "dbSecretRotationDays", b.dbSecretRotationDays);
    b.serviceCpu = integer(context, "serviceCpu", b.serviceCpu);
    b.serviceMemoryMiB = integer(context, "serviceMemoryMiB", b.serviceMemoryMiB);
    b.serviceDesiredCount = integer(context, "serviceDesiredCount", b.serviceDesiredCount);
    b.serviceLogRetentionDays =
        integer(context, "serviceLogRetentionDays", b.serviceLogRetentionDays);
    b.auditLogRetentionDays = integer(context, "auditLogRetentionDays", b.auditLogRetentionDays);
    b.exportPrefix = str(context, "exportPrefix", b.exportPrefix);
    b.fieldEncryptionContextKey =
        str(context, "fieldEncryptionContextKey", b.fieldEncryptionContextKey);
    List<String> missing = new ArrayList<>();
    for (String required : List.of("account", "region", "certificateArn", "jwksUrl")) {
      if (context.apply(required) == null) {
        missing.add(required);
      }
    }
    if (b.image == null && b.imageTarball == null) {
      missing.add("image (or imageTarball)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Missing required setting(s) " + String.join(", ", missing)
              + ": pass them with cdk synth/deploy -c key=value (see docs/deploy.md)");
    }
    return b.build();
  }

  /** Mutable holder for building a config in tests and from context. */
  public static final class Builder {
    public String account;
    public String region;
    public String environmentName = "prod";
    public List<String> availabilityZones;
    public String kmsKeyArn;
    public String image;
    public String imageTarball;
    public String certificateArn;
    public String jwksUrl;
    public String rdsCaBundlePath = DEFAULT_RDS_CA_BUNDLE_PATH;
    public String vpcCidr = "10.40.0.0/16";
    public int natGateways = 2;
    public boolean internetFacing = true;
    public String allowedIngressCidr = "0.0.0.0/0";
    public String dbInstanceType = "m7g.large";
    public int dbAllocatedStorageGiB = 50;
    public int dbMaxAllocatedStorageGiB = 500;
    public boolean dbMultiAz = true;
    public int dbBackupRetentionDays = 35;
    public int dbSecretRotationDays = 30;
    public int serviceCpu = 1024;
    public int serviceMemoryMiB = 2048;
    public int serviceDesiredCount = 2;
    public int serviceLogRetentionDays = 365;
    public int auditLogRetentionDays = 2192;
    public String exportPrefix = "exports/";
    public String fieldEncryptionContextKey = "tenant";

    private Builder() {}

    public BonfireConfig build() {
      List<String> azs =
          availabilityZones != null
              ? availabilityZones
              : region == null ? List.of() : List.of(region + "a", region + "b");
      return new BonfireConfig(account, region, environmentName, azs, kmsKeyArn, image,
          imageTarball, certificateArn, jwksUrl, rdsCaBundlePath, vpcCidr, natGateways,
          internetFacing, allowedIngressCidr, dbInstanceType, dbAllocatedStorageGiB,
          dbMaxAllocatedStorageGiB, dbMultiAz, dbBackupRetentionDays, dbSecretRotationDays,
          serviceCpu, serviceMemoryMiB, serviceDesiredCount, serviceLogRetentionDays,
          auditLogRetentionDays, exportPrefix, fieldEncryptionContextKey);
    }
  }

  private static void require(boolean ok, String key, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          "Invalid or missing setting '" + key + "': expected " + expected);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String str(Function<String, Object> context, String key, String fallback) {
    Object v = context.apply(key);
    if (v == null) {
      return fallback;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? fallback : s;
  }

  private static int integer(Function<String, Object> context, String key, int fallback) {
    Object v = context.apply(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid setting '" + key + "': expected a whole number, got '" + v + "'", e);
    }
  }

  private static boolean bool(Function<String, Object> context, String key, boolean fallback) {
    Object v = context.apply(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException(
        "Invalid setting '" + key + "': expected true or false, got '" + v + "'");
  }

  @Override
  public String toString() {
    return "BonfireConfig[" + Objects.toString(environmentName) + " in " + account + "/" + region + "]";
  }
}
