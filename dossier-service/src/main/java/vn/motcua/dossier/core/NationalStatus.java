package vn.motcua.dossier.core;

import java.util.EnumSet;
import java.util.Set;

/** Dossier statuses with the codes used to synchronise with the national portal. */
public enum NationalStatus {
    NEWLY_REGISTERED(1, "Mới đăng ký"),
    RECEIVED(2, "Đã tiếp nhận"),
    NOT_ACCEPTED(3, "Không được tiếp nhận"),
    PROCESSING(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung hồ sơ"),
    FINANCIAL_OBLIGATION_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESULT_READY(9, "Đã xử lý xong"),
    RESULT_RETURNED(10, "Đã trả kết quả");

    /** Received and not yet resolved: the deadline clock matters (it is paused in 5 and 6). */
    public static final Set<NationalStatus> IN_HAND = EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED,
            FINANCIAL_OBLIGATION_REQUESTED);
    /** The deadline clock runs: at risk and overdue only make sense here. */
    public static final Set<NationalStatus> CLOCK_RUNNING = EnumSet.of(RECEIVED, PROCESSING);

    private final int code;
    private final String vietnamese;

    NationalStatus(int code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    public int code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public static NationalStatus ofCode(int code) {
        for (NationalStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No national status " + code);
    }
}
