package org.a4p.portal.shared;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows of a query as records, for {@code JdbcClient}: {@code jdbc.sql(…).query(Rows.of(AreaSummary.class)).list()}
 * instead of {@code .query(AreaSummary.class)}. Each constructor parameter takes the column of its own name
 * ({@code shortName}) or, failing that, of its underscored name ({@code short_name}), case-insensitively, and its
 * value is converted as Spring's {@code SimplePropertyRowMapper} (which {@code query(Class)} uses) converts it.
 * <p>
 * The difference is the cost: {@code SimplePropertyRowMapper} asks the driver for the parameter's own name first,
 * and PostgreSQL's driver answers a name it does not have with an exception, so every multi-word column of every
 * row cost an exception and its stack trace. Here the columns are looked up once per result set, from its
 * metadata, and a missing column is an error naming the record and the parameter.
 */
public final class Rows<T> implements RowMapper<T> {

	/** What a record class needs for mapping: its constructor, its parameters' names and types. */
	private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {

		static Shape of(Class<?> type) {
			Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
			String[] names = BeanUtils.getParameterNames(constructor);
			TypeDescriptor[] types = new TypeDescriptor[names.length];
			for (int i = 0; i < names.length; i++) {
				types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
			}
			return new Shape(constructor, names, types);
		}

	}

	private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

	private final Class<T> type;

	private final Shape shape;

	private final ConversionService conversions = DefaultConversionService.getSharedInstance();

	/** The column of each constructor parameter, and the result set they were looked up in. */
	private record Resolved(ResultSet rs, int[] columns) {
	}

	/** One holder, so that a mapper shared by threads by mistake still reads a consistent pair. */
	private volatile @Nullable Resolved resolved;

	private Rows(Class<T> type) {
		this.type = type;
		this.shape = SHAPES.computeIfAbsent(type, Shape::of);
	}

	/** A mapper to {@code type} (a record, or a class with one constructor), for one query at a time. */
	public static <T> Rows<T> of(Class<T> type) {
		return new Rows<>(type);
	}

	@Override
	public T mapRow(ResultSet rs, int rowNum) throws SQLException {
		Resolved resolved = this.resolved;
		if (resolved == null || resolved.rs() != rs) {
			resolved = new Resolved(rs, columns(rs));
			this.resolved = resolved;
		}
		int[] columns = resolved.columns();
		Object[] args = new Object[columns.length];
		for (int i = 0; i < args.length; i++) {
			TypeDescriptor type = this.shape.types()[i];
			Object value = JdbcUtils.getResultSetValue(rs, columns[i], type.getType());
			args[i] = this.conversions.convert(value, type);
		}
		@SuppressWarnings("unchecked")
		T row = (T) BeanUtils.instantiateClass(this.shape.constructor(), args);
		return row;
	}

	/** The column of each constructor parameter: by its own name, else by its underscored name. */
	private int[] columns(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Integer> byLabel = new HashMap<>();
		for (int i = meta.getColumnCount(); i >= 1; i--) {
			// from the last, so that of two columns of one name the first is kept, as the driver's findColumn does
			byLabel.put(JdbcUtils.lookupColumnName(meta, i).toLowerCase(Locale.ROOT), i);
		}
		String[] names = this.shape.names();
		int[] indexes = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			Integer index = byLabel.get(names[i].toLowerCase(Locale.ROOT));
			if (index == null) {
				index = byLabel.get(JdbcUtils.convertPropertyNameToUnderscoreName(names[i]).toLowerCase(Locale.ROOT));
			}
			if (index == null) {
				throw new SQLException("No column " + names[i] + " (or "
						+ JdbcUtils.convertPropertyNameToUnderscoreName(names[i]) + ") in the result for "
						+ this.type.getName() + "; columns: " + byLabel.keySet());
			}
			indexes[i] = index;
		}
		return indexes;
	}

}
