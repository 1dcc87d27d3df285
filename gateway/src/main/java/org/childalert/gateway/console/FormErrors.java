package org.childalert.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * What to tell the user about a form that was not accepted: reasons next to the fields (keyed by the field
 * names of the service's JSON, which the forms use as input names) and messages for the whole form.
 */
public record FormErrors(Map<String, List<String>> byField, List<String> general) {

    public static FormErrors none() {
        return new FormErrors(Map.of(), List.of());
    }

    /** The service's problem: field errors next to the fields, the detail above the form. */
    public static FormErrors of(ServiceProblem problem) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        problem.fieldErrors().forEach(error ->
                byField.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message()));
        List<String> general = byField.isEmpty() ? List.of(problem.detail()) : List.of();
        return new FormErrors(byField, general);
    }

    /** Values the console could not even read (a letter in a number field, a malformed date). */
    public static FormErrors of(BindingResult binding) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> byField.computeIfAbsent(error.getField(), field -> new ArrayList<>())
                .add(error.isBindingFailure() ? "has an invalid value: " + error.getRejectedValue()
                        : String.valueOf(error.getDefaultMessage())));
        List<String> general = binding.getGlobalErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList();
        return new FormErrors(byField, general);
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> messages(String field) {
        return byField.getOrDefault(field, List.of());
    }
}
