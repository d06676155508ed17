package org.a4p.portal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A real-browser test: the whole portal on a random port over the shared test PostgreSQL (see
 * {@link TestDatabase}), and a headless Chromium given to each test method as a {@link Browser}
 * parameter (one browser, with a fresh profile, per test class). Skipped where Chromium or
 * chromedriver is missing, unless {@code PORTAL_REQUIRE_BROWSER=true} (CI), which makes it fail.
 * <p>
 * The server runs in other threads than the test: a {@code @Transactional} test does not roll
 * back what the browser causes. A browser test that writes deletes what it created.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

}
