package org.childalert.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Every operation of the three services' OpenAPI documents, read through the gateway ({@code /api-docs/cases},
 * {@code /api-docs/alerts}, {@code /api-docs/notifications}), with a way to fill its path variables and required
 * query parameters so that it can be called.
 */
final class OpenApiOperations {

    static final List<String> DOCUMENTS = List.of("/api-docs/cases", "/api-docs/alerts", "/api-docs/notifications");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One operation: method and path template as the document gives them, and what it needs to be called. */
    record Operation(String document, String method, String path, List<Parameter> queryParameters,
                     List<String> requestContentTypes) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return !requestContentTypes.isEmpty();
        }

        /** The path with every variable filled (a channel name, else a random UUID) and the required query. */
        String callablePath(String variableValue) {
            Matcher variables = PATH_VARIABLE.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (variables.find()) {
                String name = variables.group(1).toLowerCase(Locale.ROOT);
                String value = variableValue != null ? variableValue
                        : name.contains("channel") ? "SMS" : UUID.randomUUID().toString();
                variables.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            variables.appendTail(filled);
            StringBuilder query = new StringBuilder();
            for (Parameter parameter : queryParameters) {
                if (parameter.required()) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                            .append(variableValue != null ? "not-a-" + parameter.type() : parameter.example());
                }
            }
            return filled + query.toString();
        }
    }

    record Parameter(String name, boolean required, String type, String example) {
    }

    private OpenApiOperations() {
    }

    static List<Operation> all() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Api.Response doc = Api.anonymous().get(document);
            if (doc.status() != 200) {
                throw new IllegalStateException(document + " answered " + doc);
            }
            JsonNode paths = doc.json().get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null) {
                        continue;
                    }
                    List<Parameter> query = new ArrayList<>();
                    for (JsonNode parameter : operation.path("parameters")) {
                        if ("query".equals(parameter.path("in").asText())) {
                            query.add(parameter(parameter));
                        }
                    }
                    List<String> contentTypes = new ArrayList<>();
                    operation.path("requestBody").path("content").propertyNames().forEach(contentTypes::add);
                    operations.add(new Operation(document, method.toUpperCase(Locale.ROOT), path.getKey(), query,
                            contentTypes));
                }
            }
        }
        return operations;
    }

    private static Parameter parameter(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        String example;
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            example = schema.get("enum").get(0).asText();
        } else if ("uuid".equals(format)) {
            example = UUID.randomUUID().toString();
        } else if ("date-time".equals(format)) {
            example = "2026-01-01T00:00:00Z";
        } else if ("date".equals(format)) {
            example = "2026-01-01";
        } else if ("integer".equals(type) || "number".equals(type)) {
            example = "1";
        } else if ("boolean".equals(type)) {
            example = "true";
        } else if ("zone".equals(parameter.path("name").asText())) {
            example = "mine";
        } else {
            example = "probe";
        }
        return new Parameter(parameter.path("name").asText(), parameter.path("required").asBoolean(), type, example);
    }
}
