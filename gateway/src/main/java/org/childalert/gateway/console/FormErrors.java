package org.childalert.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

/**
 * What to tell the user about a form that was not accepted: reasons next to the fields (keyed by the field
 * names of the service's JSON, which the forms use as input names) and messages for the whole form.
 */
public record FormErrors(Map<String, List<String>> byField, List<String> general) {

    public static FormErrors none() {
        return new FormErrors(Map.of(), List.of());
    }

    /**
     * The service's problem: each field error next to its field when the form has that field, otherwise above the
     * form in words ("subtype is required for ..."), so that no refusal goes unexplained; the detail above the
     * form when the service named no field.
     *
     * @param fieldsOnForm the names of the fields the form shows (the service's JSON paths)
     */
    public static FormErrors of(ServiceProblem problem, Set<String> fieldsOnForm) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        problem.fieldErrors().forEach(error -> {
            if (fieldsOnForm.contains(error.field())) {
                byField.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message());
            }
            else {
                general.add(error.field().isBlank() ? error.message() : error.field() + " " + error.message());
            }
        });
        if (problem.fieldErrors().isEmpty()) {
            general.add(problem.detail());
        }
        return new FormErrors(byField, List.copyOf(general));
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
