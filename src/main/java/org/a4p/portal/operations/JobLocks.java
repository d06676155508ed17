package org.a4p.portal.operations;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Jobs that must run once however many instances share the database. A scheduled job says so with
 * ShedLock's annotation beside Spring's:
 *
 * <pre>
 * &#64;Scheduled(cron = "0 0 6 * * *", zone = "UTC")
 * &#64;SchedulerLock(name = "deadline-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
 * void sendReminders() { ... }
 * </pre>
 *
 * Each instance's scheduler fires; the first to take the job's row in the {@code shedlock} table
 * (V61) runs it, the others skip that run. Times come from PostgreSQL's clock ({@code usingDbTime()}),
 * so instances' clocks need not agree. {@code lockAtLeastFor} must exceed the clock skew between
 * instances' schedulers (a job that takes a millisecond would otherwise run again on a late instance);
 * {@code lockAtMostFor} (default 10 minutes) frees the job if its instance dies while running it, so
 * it must exceed the job's longest run. The lock statements run in transactions of their own.
 * <p>
 * Work started by a command rather than a schedule (demonstration data) takes the same
 * {@link JdbcTemplateLockProvider} directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLocks {

	@Bean
	JdbcTemplateLockProvider lockProvider(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTransactionManager(transactionManager)
			.usingDbTime()
			.build());
	}

}
