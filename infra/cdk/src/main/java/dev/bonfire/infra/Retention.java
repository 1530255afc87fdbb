package dev.bonfire.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Maps a number of days to one of the retention periods CloudWatch Logs accepts. */
final class Retention {

  private static final Map<Integer, RetentionDays> ALLOWED = new TreeMap<>();

  static {
    ALLOWED.put(90, RetentionDays.THREE_MONTHS);
    ALLOWED.put(120, RetentionDays.FOUR_MONTHS);
    ALLOWED.put(150, RetentionDays.FIVE_MONTHS);
    ALLOWED.put(180, RetentionDays.SIX_MONTHS);
    ALLOWED.put(365, RetentionDays.ONE_YEAR);
    ALLOWED.put(400, RetentionDays.THIRTEEN_MONTHS);
    ALLOWED.put(545, RetentionDays.EIGHTEEN_MONTHS);
    ALLOWED.put(731, RetentionDays.TWO_YEARS);
    ALLOWED.put(1096, RetentionDays.THREE_YEARS);
    ALLOWED.put(1827, RetentionDays.FIVE_YEARS);
    ALLOWED.put(2192, RetentionDays.SIX_YEARS);
    ALLOWED.put(2557, RetentionDays.SEVEN_YEARS);
    ALLOWED.put(2922, RetentionDays.EIGHT_YEARS);
    ALLOWED.put(3288, RetentionDays.NINE_YEARS);
    ALLOWED.put(3653, RetentionDays.TEN_YEARS);
  }

  private Retention() {}

  /**
   * The CloudWatch retention for {@code days}.
   *
   * @throws IllegalArgumentException naming the setting when CloudWatch has no such period
   */
  static RetentionDays of(String setting, int days) {
    RetentionDays r = ALLOWED.get(days);
    if (r == null) {
      throw new IllegalArgumentException(
          "Invalid setting '" + setting + "': CloudWatch Logs accepts only " + ALLOWED.keySet()
              + " days (of those of at least 90), got " + days);
    }
    return r;
  }
}
