package org.a4p.portal.i18n;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #fmt}: a {@link Formats} for the page's language, the one way templates format
 * dates, times, numbers and percentages ({@code ${#fmt.date(cycle.deadline)}}); never
 * {@code #temporals.format(…, 'yyyy-MM-dd')} or a number printed as it comes.
 */
final class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "fmt";

	FormatsDialect() {
		super("portal-formats");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return new Formats(context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				// one per template rendering, for its locale
				return true;
			}

		};
	}

}
