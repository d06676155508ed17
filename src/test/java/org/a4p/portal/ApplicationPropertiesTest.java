package org.a4p.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key set in {@code src/main/resources/application*.properties} is one that Spring Boot or the portal
 * reads: known to the configuration metadata on the classpath (Boot's modules, and the portal's own, made
 * by {@code spring-boot-configuration-processor} from its {@code @ConfigurationProperties} records and
 * {@code META-INF/additional-spring-configuration-metadata.json}), and not deprecated or removed. A key
 * Boot no longer reads (as {@code server.error.*} in Boot 4) is otherwise silently ignored.
 */
class ApplicationPropertiesTest {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	static final ConfigurationMetadata METADATA = ConfigurationMetadata.fromClasspath();

	@Test
	void everyKeyOfTheApplicationPropertiesIsKnownAndCurrent() throws IOException {
		Map<String, Set<String>> keysByFile = new HashMap<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				keysByFile.put(file.getFileName().toString(), keys(file));
			}
		}
		assertThat(keysByFile).containsKey("application.properties");
		keysByFile.forEach((file, keys) -> assertThat(METADATA.problems(keys)).as(file).isEmpty());
	}

	/** The check itself: it reports a made-up key and a removed one, and knows map keys and the portal's keys. */
	@Test
	void aKeyNobodyReadsOrThatBootRemovedIsReported() {
		assertThat(METADATA.problems(List.of("portal.page-cache.max-sise", "spring.jpa.open-in-veiw",
				"server.error.include-message", "server.error.whitelabel.enabled")))
			.containsExactly("portal.page-cache.max-sise: unknown", "server.error.include-message: deprecated (error), "
					+ "use spring.web.error.include-message", "server.error.whitelabel.enabled: deprecated (error), "
							+ "use spring.web.error.whitelabel.enabled",
					"spring.jpa.open-in-veiw: unknown");
		assertThat(METADATA.problems(List.of("portal.page-cache.max-size", "portal.accounts.lock-duration",
				"portal.demo.action", "portal.tomcat.write-buffer", "logging.level.org.a4p.portal",
				"management.observations.enable.http.server.requests",
				"spring.datasource.hikari.data-source-properties.options", "spring.jpa.properties.hibernate.jdbc.time_zone",
				"info.app.name", "spring.web.error.include-stacktrace")))
			.isEmpty();
	}

	@Test
	void aKeyBootMarksDeprecatedButStillReadsIsReportedToo() {
		String deprecated = METADATA.anyDeprecated("warning");
		assertThat(METADATA.problems(List.of(deprecated))).singleElement()
			.asString()
			.startsWith(deprecated + ": deprecated (warning)");
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties.stringPropertyNames();
	}

	/** The properties (and map-valued properties, whose keys are free) described by the metadata on the classpath. */
	static final class ConfigurationMetadata {

		/** name → deprecation ("level", then "replacement" if any), {@code null} when not deprecated. */
		private final Map<String, String> properties = new HashMap<>();

		/** Properties holding a map: any key below them is read. */
		private final Set<String> maps = new HashSet<>();

		static ConfigurationMetadata fromClasspath() {
			ConfigurationMetadata metadata = new ConfigurationMetadata();
			JsonMapper json = JsonMapper.builder().build();
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			try {
				List<Resource> resources = new ArrayList<>();
				resources.addAll(List.of(resolver.getResources("classpath*:META-INF/spring-configuration-metadata.json")));
				resources.addAll(
						List.of(resolver.getResources("classpath*:META-INF/additional-spring-configuration-metadata.json")));
				assertThat(resources).as("configuration metadata on the classpath").hasSizeGreaterThan(10);
				for (Resource resource : resources) {
					try (InputStream in = resource.getInputStream()) {
						metadata.add(json.readTree(in));
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(metadata.properties).as("the portal's own metadata (configuration processor)")
				.containsKeys("portal.page-cache.max-size", "portal.accounts.min-password-length");
			return metadata;
		}

		private void add(JsonNode file) {
			for (JsonNode property : file.path("properties")) {
				String name = property.path("name").asString();
				JsonNode deprecation = property.path("deprecation");
				String deprecated = null;
				if (deprecation.isObject() || property.path("deprecated").asBoolean(false)) {
					String level = deprecation.path("level").asString("warning");
					String replacement = deprecation.path("replacement").asString("");
					deprecated = "deprecated (" + (level.isEmpty() ? "warning" : level) + ")"
							+ (replacement.isEmpty() ? "" : ", use " + replacement);
				}
				// a name several modules describe is current if any of them says so
				if (!this.properties.containsKey(name) || deprecated == null) {
					this.properties.put(name, deprecated);
				}
				String type = property.path("type").asString("");
				if (type.startsWith("java.util.Map<") || type.equals("java.util.Properties")) {
					this.maps.add(name);
				}
			}
			for (JsonNode hint : file.path("hints")) {
				String name = hint.path("name").asString();
				if (name.endsWith(".keys")) {
					this.maps.add(name.substring(0, name.length() - ".keys".length()));
				}
			}
		}

		/** What is wrong with each key, in key order: unknown, or deprecated (with the replacement, if any). */
		List<String> problems(Iterable<String> keys) {
			List<String> problems = new ArrayList<>();
			for (String key : new TreeSet<>(toList(keys))) {
				String owner = owner(key);
				if (owner == null) {
					problems.add(key + ": unknown");
				}
				else if (this.properties.get(owner) != null) {
					problems.add(key + ": " + this.properties.get(owner));
				}
			}
			return problems;
		}

		/** The property that reads {@code key}: itself, or the map-valued property above it; {@code null} if none. */
		private String owner(String key) {
			if (this.properties.containsKey(key)) {
				return key;
			}
			for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
				String prefix = key.substring(0, dot);
				if (this.maps.contains(prefix)) {
					return prefix;
				}
			}
			return null;
		}

		/** Some property deprecated at this level (for testing the check on a real one). */
		String anyDeprecated(String level) {
			return this.properties.entrySet()
				.stream()
				.filter((e) -> e.getValue() != null && e.getValue().startsWith("deprecated (" + level + ")"))
				.map(Map.Entry::getKey)
				.filter((name) -> !this.maps.contains(name))
				.sorted()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No property deprecated at level " + level));
		}

		private static List<String> toList(Iterable<String> keys) {
			List<String> list = new ArrayList<>();
			keys.forEach(list::add);
			return list;
		}

	}

}
