package dev.bonfire.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bonfire image tarball that Jib wrote (app/target/jib-image.tar), read without a Docker
 * daemon: its configuration, its files, and — unpacked into a folder and entered with chroot as
 * the image's user — its runtime and health check.
 *
 * <p>Runs in the {@code image} profile only, after {@code infra/image/build.sh} built the tarball
 * ({@code mvn -pl infra/cdk -Pimage test}); the chroot part needs root, as CI has.
 */
class ImageConfigTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Path tarball;
  static Map<String, byte[]> entries;
  static JsonNode config;
  static List<String> layers;

  /** Not a JUnit @TempDir: its cleanup warns about every absolute symlink of the rootfs. */
  static Path work;

  @AfterAll
  static void removeUnpackedImage() throws Exception {
    if (work != null) {
      run(List.of("rm", "-rf", "--one-file-system", work.toString()), Map.of());
    }
  }

  @BeforeAll
  static void readImage() throws IOException {
    work = Files.createTempDirectory("bonfire-image-test");
    String path = System.getProperty("bonfire.image.tar");
    assertThat(path).as("system property bonfire.image.tar (set by the image profile)").isNotBlank();
    tarball = Path.of(path);
    assertThat(tarball).as("the image tarball; build it with infra/image/build.sh").isRegularFile();
    entries = readTar(Files.newInputStream(tarball), name -> !name.endsWith(".tar.gz"));
    JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
    config = JSON.readTree(entries.get(manifest.get("Config").asText()));
    layers = new ArrayList<>();
    manifest.get("Layers").forEach(l -> layers.add(l.asText()));
  }

  @Test
  void image_runsAsTheNumericNonRootUser() {
    String user = config.at("/config/User").asText();
    assertThat(user).isEqualTo("65532:65532");
    assertThat(user.split(":")[0]).isNotIn("0", "root", "");
  }

  @Test
  void entrypoint_startsTheBonfireServerWithJava() {
    List<String> entrypoint = texts(config.at("/config/Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).contains("-cp", "@/app/jib-classpath-file", "-XX:+ExitOnOutOfMemoryError");
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("dev.bonfire.app.Application");
    assertThat(config.at("/config/Cmd").isMissingNode() || config.at("/config/Cmd").isNull()
        || config.at("/config/Cmd").isEmpty()).isTrue();
  }

  @Test
  void image_exposesPort8080_andDeclaresItsHealthCheck() {
    assertThat(fieldNames(config.at("/config/ExposedPorts"))).containsExactly("8080/tcp");
    assertThat(texts(config.at("/config/Healthcheck/Test")))
        .containsExactly("CMD", BonfireStack.HEALTHCHECK_COMMAND);
    assertThat(config.at("/config/Healthcheck/Retries").asInt()).isPositive();
  }

  @Test
  void image_carriesNoConfiguration_itAllComesFromTheEnvironment() {
    assertThat(texts(config.at("/config/Env")))
        .noneMatch(e -> e.startsWith("BONFIRE_") || e.contains("PASSWORD") || e.contains("SECRET"));
    assertThat(config.at("/architecture").asText()).isEqualTo("amd64");
  }

  @Test
  void layers_holdTheApp_andAnExecutableHealthCheckScript() throws Exception {
    Map<String, String> modes = new HashMap<>();
    for (String layer : layers) {
      Path file = work.resolve(layer);
      if (!Files.exists(file)) {
        extractEntry(layer, file);
      }
      for (String line : run(List.of("tar", "--warning=no-unknown-keyword", "-tvzf", file.toString()), Map.of()).out().split("\n")) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length >= 6) {
          modes.put(parts[parts.length - 1].replaceFirst("^\\./", "/").replaceFirst("^(?!/)", "/"),
              parts[0]);
        }
      }
    }
    assertThat(modes).containsKey("/app/classes/dev/bonfire/app/Application.class")
        .containsKey("/app/jib-classpath-file");
    assertThat(modes.get(BonfireStack.HEALTHCHECK_COMMAND)).isEqualTo("-rwxr-xr-x");
  }

  @Test
  void unpackedImage_runsJavaAsItsUser_andTheHealthCheckTellsUpFromDown() throws Exception {
    assertThat(run(List.of("id", "-u"), Map.of()).out().trim())
        .as("unpacking the image and entering it with chroot needs root (CI runs as root)")
        .isEqualTo("0");
    Path root = unpacked();

    Result whoAndJava = inImage(root, "id -u; java -version 2>&1 | head -1");
    assertThat(whoAndJava.code()).as(whoAndJava.out()).isZero();
    assertThat(whoAndJava.out()).startsWith("65532\n").contains("openjdk version \"17");

    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
    try {
      String probe = "BONFIRE_HEALTHCHECK_PORT=" + server.getAddress().getPort() + " "
          + BonfireStack.HEALTHCHECK_COMMAND;
      assertThat(inImage(root, probe).code()).as("healthy service").isZero();
      status.set(503);
      assertThat(inImage(root, probe).code()).as("unhealthy service").isEqualTo(1);
    } finally {
      server.stop(0);
    }
    assertThat(inImage(root, "BONFIRE_HEALTHCHECK_PORT=1 " + BonfireStack.HEALTHCHECK_COMMAND)
        .code()).as("nothing listening").isEqualTo(1);
  }

  /** The image's layers unpacked in order into one folder (once per test class); needs root. */
  private static synchronized Path unpacked() throws Exception {
    assertThat(run(List.of("id", "-u"), Map.of()).out().trim())
        .as("unpacking the image and entering it with chroot needs root (CI runs as root)")
        .isEqualTo("0");
    Path root = work.resolve("rootfs");
    if (Files.isDirectory(root.resolve("app"))) {
      return root;
    }
    Files.createDirectories(root);
    for (String layer : layers) {
      Path file = work.resolve(layer);
      if (!Files.exists(file)) {
        extractEntry(layer, file);
      }
      assertThat(run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", file.toString(), "-C",
          root.toString()), Map.of()).code()).isZero();
    }
    return root;
  }

  @Test
  void image_startsAsItsUserOnAReadOnlyRoot_andPassesItsOwnHealthCheck() throws Exception {
    Path root = unpacked();
    Map<String, String> env = System.getenv();
    for (String required : List.of("BONFIRE_TEST_DATABASE_URL", "BONFIRE_TEST_DATABASE_USER",
        "BONFIRE_TEST_DATABASE_PASSWORD")) {
      assertThat(env.get(required)).as(required + " (scripts/test provides the test database)")
          .isNotBlank();
    }
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1,
        InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    // As ECS runs it: read-only root filesystem, a writable /tmp, the image's user, and nothing
    // but BONFIRE_* settings in the environment.
    StringBuilder command = new StringBuilder();
    command.append("set -e; r='").append(root).append("'; ")
        .append("mount --bind \"$r\" \"$r\"; mount -o remount,ro,bind \"$r\"; ")
        .append("mount -t proc proc \"$r/proc\"; mount -t tmpfs -o mode=1777 tmpfs \"$r/tmp\"; ")
        .append("mount -t tmpfs tmpfs \"$r/dev\"; mknod -m 666 \"$r/dev/null\" c 1 3; ")
        .append("mknod -m 666 \"$r/dev/random\" c 1 8; mknod -m 666 \"$r/dev/urandom\" c 1 9; ")
        .append("exec chroot --userspec=").append(config.at("/config/User").asText())
        .append(" \"$r\" /usr/bin/env -i PATH=").append(envValue("PATH"))
        .append(" BONFIRE_DATABASE_URL=\"$DB_URL\" BONFIRE_DATABASE_USER=\"$DB_USER\"")
        .append(" BONFIRE_DATABASE_PASSWORD=\"$DB_PASSWORD\" BONFIRE_JWT_SECRET=\"$JWT\"")
        .append(" BONFIRE_PORT=").append(port);
    for (String part : texts(config.at("/config/Entrypoint"))) {
      command.append(" '").append(part).append("'");
    }
    Path log = work.resolve("bonfire.log");
    ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private",
        "/bin/sh", "-c", command.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DB_URL", env.get("BONFIRE_TEST_DATABASE_URL"));
    pb.environment().put("DB_USER", env.get("BONFIRE_TEST_DATABASE_USER"));
    pb.environment().put("DB_PASSWORD", env.get("BONFIRE_TEST_DATABASE_PASSWORD"));
    pb.environment().put("JWT", java.util.HexFormat.of().formatHex(
        java.security.SecureRandom.getInstanceStrong().generateSeed(32)));
    String probe = "BONFIRE_HEALTHCHECK_PORT=" + port + " " + BonfireStack.HEALTHCHECK_COMMAND;

    Process bonfire = pb.start();
    try {
      boolean healthy = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      while (!healthy && bonfire.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        healthy = inImage(root, probe).code() == 0;
      }
      assertThat(healthy).as("bonfire answered its health check; its output:%n%s",
          tail(log)).isTrue();
      assertThat(bonfire.isAlive()).isTrue();
      String owner = run(List.of("ps", "-o", "uid=", "-p", Long.toString(bonfire.pid())), Map.of())
          .out().trim();
      assertThat(owner).as("the server's uid").isEqualTo("65532");
    } finally {
      bonfire.destroy();
      if (!bonfire.waitFor(30, TimeUnit.SECONDS)) {
        bonfire.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Runs a shell command inside the unpacked image as its user, with /proc mounted privately. */
  private static Result inImage(Path root, String command) throws Exception {
    String user = config.at("/config/User").asText();
    String script = "mount -t proc proc '" + root + "/proc' && exec chroot --userspec=" + user
        + " '" + root + "' /usr/bin/env -i PATH=" + envValue("PATH") + " /bin/bash -c \""
        + command.replace("\"", "\\\"") + "\"";
    return run(List.of("unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", script),
        Map.of());
  }

  private static String envValue(String name) {
    return texts(config.at("/config/Env")).stream().filter(e -> e.startsWith(name + "="))
        .map(e -> e.substring(name.length() + 1)).findFirst().orElse("/usr/bin:/bin");
  }

  record Result(int code, String out) {}

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
    return new Result(p.exitValue(), out);
  }

  private static void extractEntry(String name, Path target) throws IOException {
    Map<String, byte[]> one = readTar(Files.newInputStream(tarball), name::equals);
    Files.write(target, one.get(name));
  }

  /** A minimal reader for the ustar archives Jib writes (short names, regular files). */
  static Map<String, byte[]> readTar(InputStream raw, java.util.function.Predicate<String> keep)
      throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (InputStream in = new java.io.BufferedInputStream(raw, 1 << 16)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512) {
        String name = cString(header, 0, 100);
        if (name.isEmpty()) {
          break;
        }
        String prefix = cString(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
        long padded = (size + 511) / 512 * 512;
        if (keep.test(name)) {
          ByteArrayOutputStream data = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
          long left = size;
          byte[] buf = new byte[1 << 16];
          while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
              throw new IOException("truncated tar entry " + name);
            }
            data.write(buf, 0, n);
            left -= n;
          }
          out.put(name, data.toByteArray());
          in.skipNBytes(padded - size);
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    return out;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.US_ASCII);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
