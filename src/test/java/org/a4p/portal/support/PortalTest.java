package org.a4p.portal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole portal on the test PostgreSQL (see {@link TestDatabase}), with MockMvc going through
 * the real security configuration. One Spring context is shared by every class using it. Its clock
 * is a {@link MutableClock} (inject it to move time; reset it after). Requests keep a session from one
 * to the next with a {@link CookieSession} ({@code .with(session)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, CookieSession.Carrying.class })
public @interface PortalTest {

}
