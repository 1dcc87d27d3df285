package org.childalert.notifications.replies;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;

/**
 * Reads what an SMS reply to an alert says, in any of the four languages and in any case:
 * <ul>
 * <li>{@code SEEN} (GEZIEN, VU, GESEHEN) alone: the recipient saw the alert and looks out;</li>
 * <li>{@code SIGHTING <text>} (WAARNEMING, OBSERVATION, SICHTUNG): a sighting, the text says what and where;</li>
 * <li>{@code ACK} (ONTVANGEN, RECU, REÇU, ERHALTEN) alone: from a police contact, the acknowledgement of the
 * alert for their zone; from a volunteer, who has nothing to acknowledge, the same as SEEN;</li>
 * <li>any other text: from a volunteer, a sighting (people who write to an alert's number without a keyword
 * nearly always say what they saw, and a coordinator would rather read a few non-sightings than miss one); from
 * a police contact, OTHER.</li>
 * </ul>
 * The opt-out, opt-in and help words are not replies: the webhook handles them first.
 */
final class ReplyClassifier {

    private static final Set<String> SEEN = Set.of("SEEN", "GEZIEN", "VU", "GESEHEN");
    private static final Set<String> SIGHTING = Set.of("SIGHTING", "WAARNEMING", "OBSERVATION", "SICHTUNG");
    private static final Set<String> ACK = Set.of("ACK", "ONTVANGEN", "RECU", "REÇU", "ERHALTEN");
    /** The first word, and the rest after spaces or punctuation that separate it. */
    private static final Pattern FIRST_WORD = Pattern.compile("^([\\p{L}]+)[\\s:,.;!?-]*(.*)$", Pattern.DOTALL);

    /** What the reply is, and for a sighting the words that describe it (null when there are none). */
    record Classified(ReplyKind kind, String sightingText) {
    }

    private ReplyClassifier() {
    }

    static Classified classify(String body, RecipientKind sender) {
        String text = body == null ? "" : body.strip();
        Matcher matcher = FIRST_WORD.matcher(text);
        if (matcher.matches()) {
            String word = matcher.group(1).toUpperCase(Locale.ROOT);
            String rest = matcher.group(2).strip();
            if (SIGHTING.contains(word)) {
                return new Classified(ReplyKind.SIGHTING, rest.isEmpty() ? null : rest);
            }
            if (rest.isEmpty() && SEEN.contains(word)) {
                return new Classified(ReplyKind.SEEN, null);
            }
            if (rest.isEmpty() && ACK.contains(word)) {
                return new Classified(sender == RecipientKind.POLICE ? ReplyKind.ACK : ReplyKind.SEEN, null);
            }
        }
        if (text.isEmpty() || sender == RecipientKind.POLICE) {
            return new Classified(ReplyKind.OTHER, null);
        }
        return new Classified(ReplyKind.SIGHTING, text);
    }
}
