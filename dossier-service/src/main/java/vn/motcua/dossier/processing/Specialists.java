package vn.motcua.dossier.processing;

/** Who may be given a dossier to process: the realm's specialists of its agency, never a list kept by hand. */
public interface Specialists {
    /** @return whether the realm holds an enabled user of this username with the specialist role at the agency */
    boolean isSpecialistOf(String username, String agencyCode);
}
