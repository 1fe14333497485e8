package vn.motcua.dossier;

/**
 * How the citizen chose to get the result, registered at filing (Form 01, "Đăng ký nhận kết quả tại"):
 * at the one-stop counter, by public postal service to the applicant's address, or online (the electronic
 * result, downloaded from the look-up).
 */
public enum ReturnMethod {
    COUNTER,
    POST,
    ONLINE
}
