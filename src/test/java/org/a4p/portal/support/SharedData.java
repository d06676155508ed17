package org.a4p.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.a4p.portal.catalogue.ReferenceCatalogue;

/** The project's reference data as published in {@code ../shared/data}, beside the repository. */
public final class SharedData {

	private SharedData() {
	}

	public static Path dir() {
		return Path.of(System.getProperty("portal.shared-dir", "../shared")).resolve("data");
	}

	public static boolean present() {
		return Files.isRegularFile(dir().resolve("a4p-catalogue.yaml"));
	}

	/** The catalogue read from {@code ../shared/data}, not from the classpath copy. */
	public static ReferenceCatalogue catalogue() {
		try (InputStream yaml = Files.newInputStream(dir().resolve("a4p-catalogue.yaml"));
				InputStream csv = Files.newInputStream(dir().resolve("un-member-states.csv"))) {
			return ReferenceCatalogue.read(yaml, csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
