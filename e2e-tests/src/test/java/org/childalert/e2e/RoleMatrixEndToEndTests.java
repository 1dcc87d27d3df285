package org.childalert.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the three OpenAPI documents, called through the gateway with no token and as each role,
 * against the table of what each role may do ({@code src/test/resources/role-matrix.csv}, reviewed like code).
 * Denied: 401 without a token, 403 with the wrong role. Allowed: anything but 401 or 403, and never 5xx (the
 * calls use random ids and empty bodies, so allowed calls answer 400 or 404 and change nothing). An operation of
 * the documents missing from the table fails the test, so that every new endpoint is reviewed.
 */
class RoleMatrixEndToEndTests {

    /** The table's columns after method and path, and who plays each. */
    static final List<String> CALLERS = List.of("anonymous", "coordinator", "police", "volunteer", "admin");
    private static final Map<String, String> USERS = Map.of("coordinator", "alice", "police", "bob",
            "volunteer", "carol", "admin", "admin");

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    /** One line of the table: what each caller may do with one operation. */
    record Rule(String method, String path, Map<String, String> access, String note) {

        String key() {
            return method + " " + path;
        }
    }

    static Map<String, Rule> table() throws Exception {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RoleMatrixEndToEndTests.class.getResourceAsStream("/role-matrix.csv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> access = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    String value = cells[2 + i].strip();
                    if (!Set.of("allow", "deny", "public", "signed").contains(value)) {
                        throw new IllegalStateException("role-matrix.csv: '" + value + "' in " + line);
                    }
                    access.put(CALLERS.get(i), value);
                }
                Rule rule = new Rule(cells[0].strip(), cells[1].strip(), access,
                        cells.length > 7 ? String.join(",", Arrays.copyOfRange(cells, 7, cells.length)).strip() : "");
                if (rules.put(rule.key(), rule) != null) {
                    throw new IllegalStateException("role-matrix.csv: " + rule.key() + " twice");
                }
            }
        }
        return rules;
    }

    @Test
    void everyOperationOfTheOpenApiDocumentsIsInTheRoleTable() throws Exception {
        Map<String, Rule> table = table();
        Set<String> missing = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        for (OpenApiOperations.Operation operation : OpenApiOperations.all()) {
            documented.add(operation.key());
            if (!table.containsKey(operation.key())) {
                missing.add(operation.key());
            }
        }
        Set<String> stale = new TreeSet<>(table.keySet());
        stale.removeAll(documented);
        System.out.println("Operations in the OpenAPI documents: " + documented.size() + "; in the table: " + table.size());
        assertThat(missing).as("operations of the OpenAPI documents missing from role-matrix.csv (review them)").isEmpty();
        assertThat(stale).as("lines of role-matrix.csv no OpenAPI document has any more").isEmpty();
    }

    @Test
    void everyOperationAnswersEachRoleAsTheRoleTableSays() throws Exception {
        Map<String, Rule> table = table();
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("anonymous", Api.anonymous());
        for (String role : CALLERS.subList(1, CALLERS.size())) {
            callers.put(role, Api.as(USERS.get(role)));
        }
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (OpenApiOperations.Operation operation : OpenApiOperations.all()) {
            Rule rule = table.get(operation.key());
            if (rule == null) {
                continue; // reported by the test above
            }
            for (Map.Entry<String, Api> caller : callers.entrySet()) {
                String access = rule.access().get(caller.getKey());
                int status = call(caller.getValue(), operation);
                calls++;
                String verdict = judge(caller.getKey(), access, status);
                if (verdict != null) {
                    wrong.add(operation.key() + " as " + caller.getKey() + " (" + access + "): " + status + " " + verdict
                            + (rule.note().isEmpty() ? "" : "  [" + rule.note() + "]"));
                }
            }
        }
        System.out.println("Role matrix: " + calls + " calls, " + wrong.size() + " not as the table says");
        wrong.forEach(line -> System.out.println("  " + line));
        assertThat(wrong).as("answers that differ from role-matrix.csv").isEmpty();
    }

    /** Null when the status is what the table allows, else why not. */
    private static String judge(String caller, String access, int status) {
        if (status >= 500) {
            return "is a server error";
        }
        boolean anonymous = "anonymous".equals(caller);
        switch (access) {
            case "deny":
                int expected = anonymous ? 401 : 403;
                return status == expected ? null : "but denied must be " + expected;
            case "signed":
                // public, the handler checks the signature: an unsigned call may get 403 or 4xx, never 401
                return status == 401 ? "but a signed webhook needs no login" : null;
            default:
                return status == 401 || status == 403 ? "but the table allows it" : null;
        }
    }

    private static int call(Api api, OpenApiOperations.Operation operation) throws Exception {
        String contentType = operation.hasBody()
                ? (operation.requestContentTypes().contains("application/json") ? "application/json"
                        : operation.requestContentTypes().get(0))
                : null;
        String body = contentType == null ? null : contentType.contains("json") ? "{}" : "";
        try {
            return api.send(operation.method(), operation.callablePath(null), body, contentType).status();
        } catch (HttpTimeoutException streaming) {
            return 0; // an event stream that stays open: answered, neither refused nor failed
        }
    }
}
