package org.childalert.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The rendered objects of an overlay and their validation against the strict schemas in deploy/schemas: one file
 * per apiVersion and kind, named as deploy/schemas/generate.py names them.
 */
final class Manifests {

	static final Path REPOSITORY = locateRepository();

	static final Path SCHEMAS = REPOSITORY.resolve("deploy/schemas");

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private static final Map<Path, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();

	private Manifests() {
	}

	static List<JsonNode> parse(String yaml) {
		List<JsonNode> objects = new ArrayList<>();
		for (JsonNode node : YAML.readerFor(JsonNode.class).readValues(yaml).readAll().stream()
			.map(JsonNode.class::cast)
			.toList()) {
			if (node != null && !node.isNull() && !node.isMissingNode()) {
				objects.add(node);
			}
		}
		return objects;
	}

	/** What is wrong with each object, by "Kind/name": empty when every object matches its kind's schema. */
	static Map<String, List<String>> problems(List<JsonNode> objects) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		for (JsonNode object : objects) {
			String apiVersion = object.path("apiVersion").asString("");
			String kind = object.path("kind").asString("");
			String id = apiVersion + " " + kind + "/" + object.path("metadata").path("name").asString("");
			Path schemaFile = SCHEMAS.resolve(schemaFileName(apiVersion, kind));
			if (!Files.isRegularFile(schemaFile)) {
				problems.put(id, List.of("no schema for this kind: " + schemaFile + " (add it to deploy/schemas/generate.py)"));
				continue;
			}
			List<Error> errors = schema(schemaFile).validate(object);
			if (!errors.isEmpty()) {
				problems.put(id, errors.stream().map(Error::toString).toList());
			}
		}
		return problems;
	}

	static String schemaFileName(String apiVersion, String kind) {
		return (apiVersion.replace("/", "_").replace(".", "-") + "_" + kind + ".json").toLowerCase();
	}

	static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
		return objects.stream().filter((object) -> kind.equals(object.path("kind").asString(""))).toList();
	}

	static JsonNode readJson(Path file) {
		try {
			return new tools.jackson.databind.json.JsonMapper().readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void copyTree(Path from, Path to) {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema schema(Path file) {
		return SCHEMA_CACHE.computeIfAbsent(file, (path) -> {
			// read here: the registry loads no file: URI by itself, and the schemas refer only inside themselves
			try (InputStream in = Files.newInputStream(path)) {
				return REGISTRY.getSchema(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Path locateRepository() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isDirectory(directory.resolve("deploy/k8s")) && Files.isRegularFile(directory.resolve("mvnw"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("run from inside the repository: no deploy/k8s above " + Path.of("").toAbsolutePath());
	}

}
