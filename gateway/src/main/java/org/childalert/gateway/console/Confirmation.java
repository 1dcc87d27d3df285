package org.childalert.gateway.console;

import java.util.Map;

import org.springframework.ui.Model;

/**
 * The step between a button that cannot be undone ("Approve and send", "End the alert", "Close the case") and its
 * effect: the server answers the first submission with a page that says what will happen and asks again; only the
 * second submission, which carries {@code confirmed=true}, acts. It needs no script (the console's
 * Content-Security-Policy allows no inline script), so it works the same with JavaScript off.
 *
 * @param title        the page's heading
 * @param question     what will happen, in words, ending in a question
 * @param action       the path the confirmed form posts to (the same as the first submission's)
 * @param fields       the values of the first submission, posted again as they were
 * @param confirmLabel the label of the button that acts
 * @param cancelPath   where "Go back" leads, without acting
 */
public record Confirmation(String title, String question, String action, Map<String, String> fields,
                           String confirmLabel, String cancelPath) {

    /** The request parameter that marks the second, confirmed submission. */
    public static final String CONFIRMED = "confirmed";

    public static final String TEMPLATE = "confirm";

    /** Puts the confirmation in the model and names the page that shows it. */
    public String page(Model model) {
        model.addAttribute("confirmation", this);
        return TEMPLATE;
    }
}
