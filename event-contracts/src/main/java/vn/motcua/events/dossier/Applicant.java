package vn.motcua.events.dossier;

/** The person the dossier is for, as stated at submission. */
public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
}
