package org.a4p.portal.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in the log, once the portal is ready, which database it is using. */
@Component
class DatabaseReport {

	private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

	private final DataSource dataSource;

	DatabaseReport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			log.info("Database in use: {} {} at {} as {}", meta.getDatabaseProductName(),
					meta.getDatabaseProductVersion(), meta.getURL(), meta.getUserName());
		}
		catch (SQLException ex) {
			log.warn("Database in use: could not be described ({})", ex.getMessage());
		}
	}

}
