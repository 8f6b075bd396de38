package de.amtsweg.blocks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate that talks to a system outside the engine's transaction (register, mail server,
 * payment provider). The conventions test requires every service task using it to be
 * {@code asyncBefore} with a retry time cycle, and the delegate to be idempotent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutsideCall {
}
