package de.amtsweg.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" as the engine sees it, so that timers, due dates and timelines agree (also in time-travel tests). */
public final class EngineClock {

  private EngineClock() {
  }

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
