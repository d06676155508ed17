package org.a4p.portal.support;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements run on the current thread, whoever runs them (JdbcClient, Hibernate,
 * Flyway): every test context's DataSource is wrapped in a datasource-proxy. MockMvc requests run on
 * the test's thread, so {@code reset()} before a request and {@code count()} after it give the
 * statements that request ran.
 */
@Component
public class SqlStatementCounter implements BeanPostProcessor, QueryExecutionListener {

	private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

	private static final ThreadLocal<List<String>> LOG = ThreadLocal.withInitial(java.util.ArrayList::new);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(this).build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		COUNT.get()[0]++;
		if (!queryInfoList.isEmpty() && LOG.get().size() < 200) {
			LOG.get().add(queryInfoList.get(0).getQuery());
		}
	}

	/** Starts counting afresh on this thread. */
	public static void reset() {
		COUNT.get()[0] = 0;
		LOG.get().clear();
	}

	/** Statements run on this thread since {@link #reset()}. */
	public static long count() {
		return COUNT.get()[0];
	}

	/** The statements themselves, for a failure message. */
	public static List<String> statements() {
		return List.copyOf(LOG.get());
	}

}
