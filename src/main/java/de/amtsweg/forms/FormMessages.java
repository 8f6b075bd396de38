package de.amtsweg.forms;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Resolves {@code forms.*} texts: first through the application's MessageSource (so an application may
 * override texts), then through the bundled {@code i18n/forms} bundle, so the forms package works even
 * when the integrator did not add the basename.
 */
final class FormMessages {
  static final String BASENAME = "i18n/forms";
  private static final ResourceBundleMessageSource BUNDLED = bundled();

  private final MessageSource messageSource;

  FormMessages(MessageSource messageSource) {
    this.messageSource = messageSource;
  }

  static ResourceBundleMessageSource bundled() {
    ResourceBundleMessageSource ms = new ResourceBundleMessageSource();
    ms.setBasename(BASENAME);
    ms.setDefaultEncoding("UTF-8");
    ms.setFallbackToSystemLocale(false);
    ms.setAlwaysUseMessageFormat(true);
    return ms;
  }

  String get(String code, Locale locale, Object... args) {
    Locale l = locale == null ? Locale.GERMAN : locale;
    if (messageSource != null) {
      String m = messageSource.getMessage(code, args, null, l);
      if (m != null) {
        return m;
      }
    }
    return BUNDLED.getMessage(code, args, code, l);
  }
}
