package vn.motcua.events.dossier;

import vn.motcua.events.payment.FeeStage;

/**
 * One priced fee of a dossier: what the catalog version it was accepted under makes it owe, at one
 * stage. Amounts in đồng.
 *
 * @param unitPrice the catalog's list price per unit
 * @param appliedUnitPrice the price per unit charged: the list price, the reduced online price, or
 *     the price for the applicant's category (0 when exempt)
 * @param reduction why the applied price differs from the list price: "ONLINE", a category code
 *     such as "SINH_VIEN", or null
 * @param amount what is owed: applied unit price × quantity, capped where the fee has a cap
 * @param refundable whether it is paid back when the dossier is refused or withdrawn before processing
 */
public record PricedFeeLine(
        FeeStage stage,
        String kind,
        FeeBasis basis,
        int quantity,
        long unitPrice,
        long appliedUnitPrice,
        String reduction,
        long amount,
        boolean refundable,
        int catalogVersion) {
}
