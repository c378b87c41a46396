package vn.motcua.postal.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.motcua.kit.problem.ApiProblem;

/**
 * Every rule of postal prices, as the data file states them: tariffs (postage by service, zone and
 * weight band; overweight; cash-on-delivery fee), discounts (eligibility, window, percentage,
 * scope) and who pays. Each rule holds from {@code validFrom} to {@code validUntil} inclusive (open
 * when null). Discounts do not add up: the largest one the shipment is eligible for applies.
 */
public record TariffRules(List<Tariff> tariffs, List<Discount> discounts, List<PayerRule> payers) {

    public TariffRules {
        tariffs = tariffs == null ? List.of() : List.copyOf(tariffs);
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        payers = payers == null ? List.of() : List.copyOf(payers);
    }

    public enum Zone {
        WITHIN_PROVINCE, OTHER_PROVINCE
    }

    public enum Payer {
        CITIZEN, AGENCY
    }

    public record Tariff(String id, String operator, LocalDate validFrom, LocalDate validUntil, String source,
            List<Band> bands, Overweight overweight, CashOnDelivery cashOnDelivery) {
    }

    public record Band(PostalService service, Zone zone, int upToGrams, long amount) {
    }

    /** Beyond the largest band: {@code amount} for every started {@code perStartedGrams}. */
    public record Overweight(int perStartedGrams, long amount) {
    }

    public record CashOnDelivery(BigDecimal percent, long minimum) {
    }

    /** Who a rule applies to: an operator, the province the shipment is sent from or to the agency, or one agency; null parts match all. */
    public record Scope(String operator, String province, String agencyCode) {
        boolean covers(Shipment shipment) {
            return (operator == null || operator.equals(shipment.operator()))
                    && (province == null || province.equals(shipment.agencyProvince()))
                    && (agencyCode == null || agencyCode.equals(shipment.agencyCode()));
        }
    }

    /** Eligible when the dossier was online at {@code onlineLevelAtLeast} or more, or its procedure is of one of {@code fields}. */
    public record Eligibility(Integer onlineLevelAtLeast, List<String> fields) {
        boolean admits(Shipment shipment) {
            boolean byLevel = onlineLevelAtLeast != null && shipment.onlineLevel() != null
                    && shipment.onlineLevel() >= onlineLevelAtLeast;
            boolean byField = fields != null && shipment.field() != null && fields.contains(shipment.field());
            return (onlineLevelAtLeast == null && (fields == null || fields.isEmpty())) || byLevel || byField;
        }
    }

    public record Discount(String id, BigDecimal percent, List<PostalService> services, LocalDate validFrom,
            LocalDate validUntil, Scope scope, Eligibility eligibility, String source) {
        boolean appliesTo(Shipment shipment) {
            return inWindow(validFrom, validUntil, shipment.date()) && services.contains(shipment.service())
                    && (scope == null || scope.covers(shipment)) && (eligibility == null || eligibility.admits(shipment));
        }
    }

    /** The agency pays, free for the citizen, where a directive makes the result its outgoing mail. */
    public record PayerRule(String id, Payer payer, List<PostalService> services, LocalDate validFrom, LocalDate validUntil,
            Scope scope, String source) {
        boolean appliesTo(Shipment shipment) {
            return inWindow(validFrom, validUntil, shipment.date()) && services.contains(shipment.service())
                    && (scope == null || scope.covers(shipment));
        }
    }

    /**
     * What is priced.
     *
     * @param agencyProvince the province of the agency (where a pick-up goes, where a result leaves from)
     * @param addressProvince the province of the citizen's address
     * @param onlineLevel the level the dossier was submitted online at, or null for a paper dossier
     * @param cashOnDelivery the fee the postman collects with the shipment, 0 for none
     */
    public record Shipment(PostalService service, String operator, String agencyCode, String agencyProvince,
            String addressProvince, int weightGrams, Integer onlineLevel, String field, long cashOnDelivery, LocalDate date) {
        Zone zone() {
            return agencyProvince.equals(addressProvince) ? Zone.WITHIN_PROVINCE : Zone.OTHER_PROVINCE;
        }
    }

    public record AppliedDiscount(String ruleId, BigDecimal percent, long amount, String source) {
    }

    /**
     * A price as quoted, and as frozen on a shipment: every figure and the rules it came from, and
     * the provinces it was priced between as the book names them (an address written "Bình Dương"
     * is priced to Thành phố Hồ Chí Minh, which the caller can see).
     */
    public record Quote(String tariffId, Zone zone, long postage, AppliedDiscount discount, long postageDue,
            long cashOnDeliveryFee, Payer payer, String payerRule, long citizenPays, long agencyPays,
            String agencyProvince, String addressProvince) {
    }

    public Quote quote(Shipment shipment) {
        Tariff tariff = tariffs.stream()
                .filter(t -> t.operator().equals(shipment.operator()) && inWindow(t.validFrom(), t.validUntil(), shipment.date()))
                .max(Comparator.comparing(Tariff::validFrom))
                .orElseThrow(() -> ApiProblem.unprocessable("no-tariff",
                        "Operator " + shipment.operator() + " has no tariff in force on " + shipment.date()));
        Zone zone = shipment.zone();
        long postage = postage(tariff, shipment.service(), zone, shipment.weightGrams());
        Optional<Discount> best = discounts.stream().filter(d -> d.appliesTo(shipment))
                .max(Comparator.comparing(Discount::percent));
        AppliedDiscount discount = best.map(d -> new AppliedDiscount(d.id(), d.percent(), percentOf(postage, d.percent()),
                d.source())).orElse(null);
        long postageDue = postage - (discount == null ? 0 : discount.amount());
        long codFee = shipment.cashOnDelivery() <= 0 || tariff.cashOnDelivery() == null ? 0
                : Math.max(tariff.cashOnDelivery().minimum(), percentOf(shipment.cashOnDelivery(), tariff.cashOnDelivery().percent()));
        Optional<PayerRule> payerRule = payers.stream().filter(p -> p.appliesTo(shipment))
                .max(Comparator.comparing(PayerRule::validFrom));
        Payer payer = payerRule.map(PayerRule::payer).orElse(Payer.CITIZEN);
        long citizenPays = (payer == Payer.CITIZEN ? postageDue : 0) + codFee;
        return new Quote(tariff.id(), zone, postage, discount, postageDue, codFee, payer,
                payerRule.map(PayerRule::id).orElse(null), citizenPays, payer == Payer.AGENCY ? postageDue : 0,
                shipment.agencyProvince(), shipment.addressProvince());
    }

    private static long postage(Tariff tariff, PostalService service, Zone zone, int grams) {
        List<Band> bands = tariff.bands().stream().filter(b -> b.service() == service && b.zone() == zone)
                .sorted(Comparator.comparingInt(Band::upToGrams)).toList();
        if (bands.isEmpty()) {
            throw ApiProblem.unprocessable("service-not-offered",
                    "Tariff " + tariff.id() + " has no price for " + service + " " + zone);
        }
        for (Band band : bands) {
            if (grams <= band.upToGrams()) {
                return band.amount();
            }
        }
        Band largest = bands.getLast();
        if (tariff.overweight() == null) {
            throw ApiProblem.unprocessable("too-heavy", "Tariff " + tariff.id() + " carries at most " + largest.upToGrams() + " g");
        }
        int started = (grams - largest.upToGrams() + tariff.overweight().perStartedGrams() - 1) / tariff.overweight().perStartedGrams();
        return largest.amount() + (long) started * tariff.overweight().amount();
    }

    /** A percentage of an amount in đồng, rounded half up to the đồng. */
    private static long percentOf(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static boolean inWindow(LocalDate from, LocalDate until, LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
