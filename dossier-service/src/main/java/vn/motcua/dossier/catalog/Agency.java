package vn.motcua.dossier.catalog;

/** An agency that receives dossiers; its code follows QCVN 102:2016/BTTTT. */
public record Agency(String code, String name, String level) {
}
