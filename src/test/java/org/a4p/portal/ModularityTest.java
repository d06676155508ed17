package org.a4p.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules (docs/adr/0040-application-modules.md), checked by Spring Modulith: no cycles between
 * modules, and a module uses another only through its API (the public types of its base package, or a
 * named interface). And the module documentation in {@code docs/modules} is what the code says today.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

	static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modulesHaveNoCyclesAndUseEachOtherOnlyThroughTheirApi() {
		MODULES.verify();
	}

	/**
	 * Regenerates the diagrams and module canvases and compares them with {@code docs/modules}. After a
	 * change of modules, update them with {@code ./mvnw test -Dtest=ModularityTest -Dportal.update-module-docs=true}.
	 */
	@Test
	void moduleDocumentationIsCurrent() throws IOException {
		Path generated = Path.of("target", "modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Map<String, String> now = read(generated);
		if (Boolean.getBoolean("portal.update-module-docs")) {
			Files.createDirectories(DOCS);
			try (Stream<Path> old = Files.list(DOCS)) {
				for (Path file : old.toList()) {
					Files.delete(file);
				}
			}
			for (String name : now.keySet()) {
				Files.copy(generated.resolve(name), DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		assertThat(read(DOCS)).as("docs/modules is out of date: run ./mvnw test -Dtest=ModularityTest "
				+ "-Dportal.update-module-docs=true and commit the result").isEqualTo(now);
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> list = Files.list(folder)) {
			list.filter(Files::isRegularFile).forEach(paths::add);
		}
		for (Path path : paths) {
			// the Documenter lists relations, and the items of a canvas's cell, in no fixed order: compare the
			// lines, not their order (a cell's first item starts with the cell's "|", whichever item it is)
			files.put(path.getFileName().toString(), String.join("\n",
					Files.readString(path).lines().map((line) -> line.replaceFirst("^\\|\\* ", "* ")).sorted().toList()));
		}
		return files;
	}

}
