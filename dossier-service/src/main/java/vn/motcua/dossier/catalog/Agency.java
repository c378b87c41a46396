package vn.motcua.dossier.catalog;

/**
 * An agency that receives dossiers; its code follows QCVN 102:2016/BTTTT.
 *
 * @param cutOff the agency's own cut-off ("16:00") for procedures whose text sets none; null: the
 *     platform's default ({@code motcua.dossier.deadlines.cut-off})
 */
public record Agency(String code, String name, String level, String cutOff) {
}
