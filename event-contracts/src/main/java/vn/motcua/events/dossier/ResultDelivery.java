package vn.motcua.events.dossier;

/** How the applicant wants the result: at the counter, online, or by the public postal service. */
public enum ResultDelivery {
    COUNTER, ONLINE, POST
}
