package vn.motcua.dossier.catalog;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An agency that receives dossiers; its code follows QCVN 102:2016/BTTTT. Agencies come and go
 * with reforms of local government (since 1/7/2025: provinces and communes, no districts): one
 * that was dissolved keeps its code for the dossiers filed with it and names its successor.
 *
 * @param cutOff the agency's own cut-off ("16:00") for procedures whose text sets none; null: the
 *     platform's default ({@code motcua.dossier.deadlines.cut-off})
 * @param validFrom first day it receives dossiers; null: always did
 * @param validUntil last day it received dossiers; null: still does
 * @param successorCode the agency that took over its dossiers when it was dissolved, or null
 */
public record Agency(String code, String name, String level, String cutOff, LocalDate validFrom, LocalDate validUntil,
        String successorCode) {

    public Agency(String code, String name, String level, String cutOff) {
        this(code, name, level, cutOff, null, null, null);
    }

    /** Whether it received dossiers on some day from {@code from} to {@code to}, both included. */
    public boolean activeDuring(LocalDate from, LocalDate to) {
        return (validFrom == null || !validFrom.isAfter(to)) && (validUntil == null || !validUntil.isBefore(from));
    }

    public boolean activeOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    /**
     * Checks the agency data as it is loaded: every successor named is in it, and no line of successors loops back. A
     * mistake there would otherwise show only when a citizen or a succession run follows the line.
     *
     * @throws IllegalStateException naming the first agency whose line is broken
     */
    public static void checkSuccessions(Map<String, Agency> byCode) {
        for (Agency agency : byCode.values()) {
            Set<String> seen = new HashSet<>();
            for (Agency step = agency; step.successorCode != null; step = byCode.get(step.successorCode)) {
                if (!seen.add(step.code)) {
                    throw new IllegalStateException("Agency data: the successors of " + agency.code + " loop back to " + step.code);
                }
                if (!byCode.containsKey(step.successorCode)) {
                    throw new IllegalStateException("Agency data: " + step.code + " names the successor " + step.successorCode
                            + ", which is not in the data");
                }
            }
        }
    }

    /** Whether its last day of receiving dossiers was before {@code day}. */
    public boolean dissolvedBy(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }

    /**
     * The agency that holds this one's dossiers on a day: itself until it is dissolved, then its successor, followed on
     * through successors dissolved in turn (a commune merged in 2025 may be merged again). A successor not yet opened on
     * the day is still the one that takes over.
     *
     * @param agencies looks an agency up by its code
     * @return empty when the line breaks before an agency not dissolved: no successor named, one not in the agency data,
     *     or a loop in the data
     */
    public Optional<Agency> holderOn(LocalDate day, Function<String, Optional<Agency>> agencies) {
        Set<String> seen = new HashSet<>();
        Agency holder = this;
        while (holder.dissolvedBy(day)) {
            if (!seen.add(holder.code) || holder.successorCode == null) {
                return Optional.empty();
            }
            Optional<Agency> next = agencies.apply(holder.successorCode);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            holder = next.get();
        }
        return Optional.of(holder);
    }
}
