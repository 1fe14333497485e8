package vn.motcua.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The questions and the scale in Vietnamese, from the message bundle: the same for the API and the page. */
@Component
class SurveyQuestions {

    static final String OVERALL = "overall";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    SurveyQuestions(MessageSource messages) {
        this.messages = messages;
    }

    /** One question: its field name, a short label and the question itself. */
    record Question(String key, String label, String question) {
    }

    /** One point of the 5-point scale. */
    record Point(int value, String label) {
    }

    /** The five SIPAS elements, in order. */
    List<Question> elements() {
        return Arrays.stream(SipasElement.values()).map(e -> question(e.key())).toList();
    }

    Question overall() {
        return question(OVERALL);
    }

    /** 1 Rất không hài lòng … 5 Rất hài lòng. */
    List<Point> scale() {
        return IntStream.rangeClosed(1, 5).mapToObj(v -> new Point(v, text("survey.scale." + v))).toList();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private Question question(String key) {
        return new Question(key, text("survey.element." + key + ".label"), text("survey.element." + key + ".question"));
    }
}
