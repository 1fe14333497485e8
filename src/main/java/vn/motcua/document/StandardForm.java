package vn.motcua.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standard documents of one-stop handling, Forms 01–07 of Appendix I of Circular 03/2025/TT-VPCP,
 * each rendered from {@code templates/documents/form-NN.html.vm}; their Vietnamese titles are in the
 * message bundle ({@code document.form.NN}).
 */
public enum StandardForm {
    /** 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả: issued when the dossier is received. */
    RECEIPT("01"),
    /** 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: one per supplement request. */
    SUPPLEMENT_REQUEST("02"),
    /** 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ: when refused at reception. */
    REFUSAL("03"),
    /** 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết: one per re-appointment. */
    APOLOGY("04"),
    /** 05 Thông báo dừng giải quyết hồ sơ: when handling stopped. */
    STOP_NOTICE("05"),
    /** 06 Phiếu kiểm soát quá trình giải quyết hồ sơ: the steps and their verdicts, from reception on. */
    PROCESS_CONTROL("06"),
    /** 07 Sổ theo dõi hồ sơ: the register row of a received dossier, or a unit's register. */
    REGISTER("07");

    private final String number;

    StandardForm(String number) {
        this.number = number;
    }

    /** The form's number as the circular writes it: {@code "01"} … {@code "07"}. */
    public String number() {
        return number;
    }

    /** The template's path under {@code templates/}. */
    public String template() {
        return "documents/form-" + number + ".html.vm";
    }

    /** The key of the form's Vietnamese title in the message bundle. */
    public String titleKey() {
        return "document.form." + number;
    }

    /** The form numbered {@code "01"} … {@code "07"}; nothing else (not {@code "1"}) names a form. */
    public static Optional<StandardForm> of(String number) {
        return Arrays.stream(values()).filter(f -> f.number.equals(number)).findFirst();
    }
}
