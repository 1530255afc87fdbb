package dev.bonfire.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Builds stacks the way {@code cdk synth} does (the feature flags of cdk.json, a fixed account and
 * region) and reads the synthesized template as plain maps.
 */
final class Fixtures {

  static final String ACCOUNT = "111111111111";
  static final String REGION = "eu-central-1";
  static final String CERTIFICATE =
      "arn:aws:acm:eu-central-1:111111111111:certificate/6f2a1c7e-0d1b-4c51-9f3e-2b7d8a9c0e11";
  static final String CUSTOMER_KEY =
      "arn:aws:kms:eu-central-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String IMAGE = "111111111111.dkr.ecr.eu-central-1.amazonaws.com/bonfire:0.1.0";
  static final String JWKS = "https://idp.example.org/.well-known/jwks.json";

  private static final Map<String, Object> CDK_JSON_CONTEXT = cdkJsonContext();

  private Fixtures() {}

  /** A complete configuration with the production defaults. */
  static BonfireConfig.Builder config() {
    BonfireConfig.Builder b = BonfireConfig.defaults();
    b.account = ACCOUNT;
    b.region = REGION;
    b.image = IMAGE;
    b.certificateArn = CERTIFICATE;
    b.jwksUrl = JWKS;
    return b;
  }

  /** An app with the feature flags of cdk.json and no validation plugin. */
  static App app() {
    return new App(AppProps.builder().context(CDK_JSON_CONTEXT).build());
  }

  static BonfireStack stack(BonfireConfig config) {
    return BonfireApp.stack(app(), config);
  }

  /** The template of a default production stack, synthesized once per test class that asks. */
  static Tpl template(BonfireConfig config) {
    return new Tpl(Template.fromStack(stack(config)));
  }

  static Map<String, Object> cdkJsonContext() {
    try {
      Map<String, Object> cdkJson = new ObjectMapper().readValue(
          Files.readString(Path.of("cdk.json")), new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cdk.json must sit in the module folder", e);
    }
  }

  /** A synthesized template with small navigation helpers over its JSON. */
  record Tpl(Template template) {

    Map<String, Map<String, Object>> resources(String type) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> found =
          (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
      return found;
    }

    /** The properties of the only resource of {@code type}. */
    Map<String, Object> only(String type) {
      Map<String, Map<String, Object>> found = resources(type);
      if (found.size() != 1) {
        throw new AssertionError("expected exactly one " + type + ", found " + found.keySet());
      }
      return props(found.values().iterator().next());
    }

    /** The properties of the resource whose logical id starts with {@code prefix}. */
    Map<String, Object> byIdPrefix(String type, String prefix) {
      return resources(type).entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix))
          .map(e -> props(e.getValue()))
          .reduce((a, b) -> {
            throw new AssertionError("more than one " + type + " starting with " + prefix);
          })
          .orElseThrow(() -> new AssertionError("no " + type + " starting with " + prefix));
    }

    String logicalId(String type, String prefix) {
      return resources(type).keySet().stream().filter(k -> k.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + type + " starting with " + prefix));
    }

    /** Every IAM statement of every managed policy, inline policy and role in the template. */
    List<Map<String, Object>> allIamStatements() {
      List<Map<String, Object>> statements = new ArrayList<>();
      for (String type : List.of("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy")) {
        for (Map<String, Object> r : resources(type).values()) {
          statements.addAll(list(map(props(r).get("PolicyDocument")).get("Statement")));
        }
      }
      for (Map<String, Object> r : resources("AWS::IAM::Role").values()) {
        for (Map<String, Object> p : list(props(r).get("Policies"))) {
          statements.addAll(list(map(p.get("PolicyDocument")).get("Statement")));
        }
      }
      return statements;
    }

    /** The statements of the managed policy whose logical id starts with {@code prefix}. */
    List<Map<String, Object>> managedPolicyStatements(String prefix) {
      return list(map(byIdPrefix("AWS::IAM::ManagedPolicy", prefix).get("PolicyDocument"))
          .get("Statement"));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> props(Object resource) {
    return (Map<String, Object>) Objects.requireNonNull(map(resource).get("Properties"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    if (o == null) {
      return List.of();
    }
    return (List<Map<String, Object>>) o;
  }

  /** {@code "x"} or {@code ["x","y"]} as a list of strings. */
  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    return o instanceof List<?> l ? (List<String>) l : List.of(o.toString());
  }

  /** Whether {@code o} (any JSON) mentions the logical id {@code id} by Ref or GetAtt. */
  static boolean refersTo(Object o, String id) {
    if (o instanceof Map<?, ?> m) {
      if (id.equals(m.get("Ref"))) {
        return true;
      }
      Object getAtt = m.get("Fn::GetAtt");
      if (getAtt instanceof List<?> l && !l.isEmpty() && id.equals(l.get(0))) {
        return true;
      }
      return m.values().stream().anyMatch(v -> refersTo(v, id));
    }
    if (o instanceof List<?> l) {
      return l.stream().anyMatch(v -> refersTo(v, id));
    }
    return false;
  }
}
