package vn.motcua.appointment.booking;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

/**
 * Books, cancels and reschedules. A booking takes its holder's share first, then a place in the
 * slot, then is stored with its event; a refusal at any step gives back what the steps before it
 * took, so a refused request changes nothing.
 */
@Service
public class BookingDesk implements ReachedFirst.Reach {
    private static final Logger log = LoggerFactory.getLogger(BookingDesk.class);
    private static final String SLOT_IN_PAST = "slot-in-past";
    private static final String BEYOND_HORIZON = "beyond-booking-horizon";

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int NEXT_FREE_SHOWN = 5;
    private static final int NEXT_FREE_DAYS = 14;
    /** Reads of a booking that moves under a failed move's realignment: more than a holder makes moves at once. */
    private static final int MOVE_LOOKS = 5;

    private final Offices offices;
    private final OpeningDays openingDays;
    private final Capacities capacities;
    private final BookingRules rules;
    private final HolderLimits holders;
    private final SlotLedger slots;
    private final BookingRepository bookings;
    private final AggregateStore store;
    private final Clock clock;
    private final int horizonDays;
    private final SecureRandom random = new SecureRandom();

    BookingDesk(Offices offices, OpeningDays openingDays, Capacities capacities, BookingRules rules, HolderLimits holders,
            SlotLedger slots, BookingRepository bookings, AggregateStore store, Clock clock,
            @Value("${motcua.appointment.booking-horizon-days}") int horizonDays) {
        this.offices = offices;
        this.openingDays = openingDays;
        this.capacities = capacities;
        this.rules = rules;
        this.holders = holders;
        this.slots = slots;
        this.bookings = bookings;
        this.store = store;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    /**
     * A slot of a day as a citizen sees it. {@code bookable}: a booking of it would be taken now (it has
     * a free place, has not begun, is within the booking horizon), so a portal offers only those.
     */
    public record SlotView(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end, int places, int booked, int free,
            boolean bookable) {
    }

    /** A booking confirmed beyond the places its slot has now, for the leader to move. */
    public record ToMove(String bookingCode, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start, int places, int booked, String citizenId,
            String phone) {
    }

    /**
     * @param notBookable why no slot of the day can be booked, as a booking would be refused
     *     ({@code slot-in-past}, {@code beyond-booking-horizon}, {@code calendar-not-published},
     *     {@code office-closed}); null when some slot may be, free places permitting
     */
    public record DaySlots(String officeId, LocalDate date, boolean open, Capacities.Capacity capacity, List<SlotView> slots,
            String notBookable) {
    }

    public Booking book(BookingRequest request, Caller caller) {
        return book(request, caller, null);
    }

    /**
     * What an attempt that died after storing it booked under an Idempotency-Key claim the caller's
     * retry took over; nothing to look for on a fresh claim.
     */
    public Optional<Booking> createdUnder(IdempotencyKeys.Claim claim) {
        return claim.createdBefore(bookings::findByCreatedUnder);
    }

    /**
     * @param claim the Idempotency-Key claim it is booked under, stored with it (null: none). Its
     *     seed gives the booking code, so the retry that takes over the claim of an attempt that died
     *     after taking a place, and before storing the booking, gives that place and share back first.
     */
    public Booking book(BookingRequest request, Caller caller, IdempotencyKeys.Claim claim) {
        if (request.officeId() == null || request.date() == null || request.start() == null || request.purpose() == null) {
            throw ApiProblem.badRequest("booking-incomplete", "A booking needs officeId, date, start and purpose");
        }
        Office office = offices.byId(request.officeId())
                .orElseThrow(() -> ApiProblem.unprocessable("unknown-office", "No office " + request.officeId()));
        BookingHolder holder = Holders.of(caller, office, request.citizenId(), request.phone());
        Office.Slot slot = bookableSlot(office, request.date(), request.start());
        rules.check(office, request.date(), request.purpose(), request.procedureCode(), request.dossierCode(),
                holder.citizenId());
        String code = claim == null || claim.seed() == null ? newCode() : codeFrom(HexFormat.of().parseHex(claim.seed()));
        String officeDay = HolderLimits.officeDayOf(office.id(), request.date());
        if (claim != null && claim.takenOver()) {
            // The code of the attempt that died or failed before: what it took under it is this request's, and it is not booked.
            release(office, request.date(), slot, holder, code);
        }
        try {
            holders.claim(holder, officeDay, code);
            int places = capacities.of(office, request.date()).placesPerSlot();
            if (!slots.claim(office.id(), request.date(), slot.start(), places, code)) {
                holders.release(holder, officeDay, code);
                throw full(office, request.date(), slot);
            }
            Instant now = clock.instant();
            Instant startsAt = startOf(request.date(), slot.start());
            Booking.Visit visit = new Booking.Visit(office.id(), office.name(), office.agency(), request.date(), slot.start(),
                    slot.end(), startsAt, request.purpose(), request.procedureCode(), request.dossierCode());
            Changed<Booking> booked = Booking.book(code, visit, holder, now, dayBeforeReminderDue(startsAt, now));
            booked.aggregate().createdUnder(claim == null ? null : claim.id());
            return store.insert(booked);
        } catch (ApiProblem refused) {
            throw refused;
        } catch (RuntimeException failed) {
            giveBackAfter(failed, office, request.date(), slot, holder, code);
            throw failed;
        }
    }

    /**
     * A step failed part-way (a storage call that did not answer): what was taken under the code is
     * given back, unless the booking was stored all the same (its insert answered too late, or the
     * claim's other attempt outlived its lease), whose place it is. What cannot be given back now, the
     * retry under the same claim gives back: it draws the same code.
     */
    private void giveBackAfter(RuntimeException failed, Office office, LocalDate date, Office.Slot slot, BookingHolder holder,
            String code) {
        try {
            if (!bookings.existsById(code)) {
                release(office, date, slot, holder, code);
            }
        } catch (RuntimeException stillFailing) {
            failed.addSuppressed(stillFailing);
        }
    }

    /** The slot's place and the holder's share taken under a booking code. */
    private void release(Office office, LocalDate date, Office.Slot slot, BookingHolder holder, String code) {
        slots.release(office.id(), date, slot.start(), code);
        holders.release(holder, HolderLimits.officeDayOf(office.id(), date), code);
    }

    /**
     * Cancels a confirmed booking and gives its place and shares back. A booking cancelled before is
     * answered as it is, and whatever it still holds goes back: the caller of a cancel whose answer
     * was lost learns it was done, and a cancel whose process died between its two writes (the
     * booking stored cancelled, its place not yet given back) is completed by its retry rather than
     * leaving a place nobody can book.
     */
    public Booking cancel(String code, Caller caller) {
        Booking booking = visible(code, caller);
        if (booking.status() != BookingStatus.CANCELLED) {
            store.update(booking, booking.cancel(cancelReason(caller), clock.instant()));
        }
        giveBack(booking);
        return booking;
    }

    /**
     * Moves a confirmed booking: its place in the new slot first, then its holder's day, then the
     * booking stored moved, then the old place given back. A refusal or failure on the way gives back
     * what this move took unless the booking was stored there after all; a step that did not answer
     * is found done by the move's retry (the place and the day are kept under the booking's code).
     * Two moves of one booking at once: one stores it, the other is refused and gives back its place.
     */
    public Booking reschedule(String code, LocalDate date, LocalTime start, Caller caller) {
        if (date == null || start == null) {
            throw ApiProblem.badRequest("reschedule-incomplete", "Name the new date and start");
        }
        Booking booking = visible(code, caller);
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw ApiProblem.conflict("booking-not-active", "Booking " + code + " is " + booking.status());
        }
        // A move before this one may have died after storing the booking and before giving its old place back.
        giveBackTheSlotLeft(booking);
        if (date.equals(booking.date()) && start.equals(booking.start())) {
            if (booking.moved()) {
                // The retry of a move already stored (its answer lost, or its process died): it is done now.
                giveBackStrays(booking);
                return booking;
            }
            throw ApiProblem.unprocessable("same-slot", "Booking " + code + " is in that slot already");
        }
        Office office = offices.byId(booking.officeId()).orElseThrow();
        Office.Slot slot = bookableSlot(office, date, start);
        BookingHolder holder = holderOf(booking);
        int places = capacities.of(office, date).placesPerSlot();
        // Read before the booking is changed in memory by its move.
        boolean otherDay = !date.equals(booking.date());
        long move = versionOf(booking) + 1;
        if (!slots.claimForMove(office.id(), date, slot.start(), places, code, move)
                && !slots.adoptForMove(office.id(), date, slot.start(), code, move)) {
            throw full(office, date, slot);
        }
        try {
            if (otherDay) {
                holders.move(holder, code, booking.officeDay(), HolderLimits.officeDayOf(office.id(), date));
            }
            Instant now = clock.instant();
            Instant startsAt = startOf(date, slot.start());
            store.update(booking, booking.reschedule(date, slot.start(), slot.end(), startsAt, now,
                    dayBeforeReminderDue(startsAt, now)));
            if (otherDay) {
                // A move of this booking that lost may have put the shares back to the day it read, after this one moved them.
                holders.realign(holder, code, HolderLimits.officeDayOf(office.id(), date));
            }
        } catch (RuntimeException refusedOrFailed) {
            Optional<Booking> movedThere = giveBackAfterMove(refusedOrFailed, code, office, date, slot, move, otherDay ? holder : null);
            if (movedThere.isEmpty()) {
                throw refusedOrFailed;
            }
            // The same move made by a request beside this one (a double click), or stored before its answer was lost: done.
            booking = movedThere.get();
        }
        giveBackStrays(booking);
        return booking;
    }

    /**
     * The places the booking holds outside its slot: the one it was moved out of, and those other
     * moves took and did not give back (they lost to this one, or died before storing). The booking
     * is stored past them, so none of those moves can store it any more.
     */
    private void giveBackStrays(Booking booking) {
        int released = slots.releaseStrays(booking.code(), SlotLedger.idOf(booking.officeId(), booking.date(), booking.start()),
                versionOf(booking));
        if (released > 0) {
            log.info("Booking {}: {} place(s) held by moves that did not store it given back", booking.code(), released);
        }
    }

    /**
     * The new place goes back, and the holder's day to where the booking is stored, unless it was
     * stored in the new slot after all (the same move made beside this one, or an answer that came
     * late): then that booking, the move done.
     *
     * @param movedHolder the holder whose day this move changed; null for a move within the day, which left it alone
     */
    private Optional<Booking> giveBackAfterMove(RuntimeException failed, String code, Office office, LocalDate date,
            Office.Slot slot, long move, BookingHolder movedHolder) {
        try {
            Optional<Booking> stored = bookings.findById(code);
            Optional<Booking> movedThere = stored.filter(b -> b.status() == BookingStatus.CONFIRMED && b.date().equals(date)
                    && b.start().equals(slot.start()));
            if (movedThere.isPresent()) {
                return movedThere;
            }
            slots.releaseMove(office.id(), date, slot.start(), code, move);
            if (movedHolder != null) {
                putSharesWhereStored(stored, code, movedHolder, HolderLimits.officeDayOf(office.id(), date));
            }
        } catch (RuntimeException stillFailing) {
            failed.addSuppressed(stillFailing);
        }
        return Optional.empty();
    }

    /**
     * The holder's shares to the day the booking is stored for, read again after each realignment:
     * a move that stored the booking on another day meanwhile (after the read this realignment went
     * by) is followed there, so the last realignment matches the booking as stored.
     */
    private void putSharesWhereStored(Optional<Booking> stored, String code, BookingHolder holder, String dayMovedTo) {
        String aligned = null;
        for (int look = 0; look < MOVE_LOOKS; look++) {
            Optional<Booking> now = look == 0 ? stored : bookings.findById(code);
            if (now.filter(b -> b.status() == BookingStatus.CONFIRMED).isEmpty()) {
                // Cancelled or used meanwhile: a share this move took again for it is nobody's.
                holders.release(holder, dayMovedTo, code);
                return;
            }
            String day = now.get().officeDay();
            if (day.equals(aligned)) {
                return;
            }
            holders.realign(holder, code, day);
            aligned = day;
        }
    }

    /** A booking as its holder, the client that made it, or the office's staff may see it; anyone else is told it does not exist. */
    public Booking visible(String code, Caller caller) {
        Booking booking = bookings.findById(code).orElseThrow(() -> ApiProblem.notFound("Booking", code));
        boolean holder = booking.citizenId() != null && caller.isCitizen(booking.citizenId());
        boolean maker = caller.clientId() != null && caller.clientId().equals(booking.bookedBy())
                && (caller.has(Role.PORTAL) || caller.has(Role.CHATBOT));
        if (!holder && !maker && !caller.worksFor(booking.agencyCode())) {
            throw ApiProblem.notFound("Booking", code);
        }
        return booking;
    }

    /** A move of another's booking is 404 before its body is read (ADR 0039). */
    @Override
    public void check(String code, Caller caller) {
        visible(code, caller);
    }

    public List<Booking> activeOf(String citizenId) {
        return bookings.findByCitizenIdAndStatusOrderByStartsAtAsc(citizenId, BookingStatus.CONFIRMED);
    }

    public List<Booking> ofDay(String officeId, LocalDate day) {
        return bookings.findByOfficeIdAndDateOrderByStartAscBookedAtAsc(officeId, day.toString());
    }

    public DaySlots slotsOf(Office office, LocalDate day) {
        OpeningDays.OpenDay open = openingDays.of(office, day);
        Capacities.Capacity capacity = capacities.of(office, day);
        Map<LocalTime, List<String>> booked = slots.day(office.id(), day);
        List<SlotView> views = open.slots().stream().map(s -> {
            int taken = booked.getOrDefault(s.start(), List.of()).size();
            int free = Math.max(0, capacity.placesPerSlot() - taken);
            return new SlotView(s.start(), s.end(), capacity.placesPerSlot(), taken, free,
                    free > 0 && whyNotBookable(day, s.start()).isEmpty());
        }).toList();
        // Today, once its last slot has begun, the whole day is past.
        Optional<LocalTime> lastStart = open.slots().stream().map(Office.Slot::start).max(Comparator.naturalOrder());
        String notBookable = whyNotBookable(day, lastStart.orElse(null)).orElse(!open.calendarKnown() ? "calendar-not-published"
                : !open.open() ? "office-closed" : null);
        return new DaySlots(office.id(), day, open.open(), capacity, views, notBookable);
    }

    /** Bookings beyond the places their slot has under today's roster and limits: the latest booked of each slot first to go. */
    public List<ToMove> toMove(Office office) {
        List<ToMove> toMove = new ArrayList<>();
        for (LocalDate day : slots.bookedDaysFrom(office.id(), today())) {
            int places = capacities.of(office, day).placesPerSlot();
            slots.day(office.id(), day).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(slot -> {
                List<String> codes = slot.getValue();
                for (String code : codes.subList(Math.min(places, codes.size()), codes.size())) {
                    bookings.findById(code).ifPresent(b -> toMove.add(new ToMove(code, day, slot.getKey(), places,
                            codes.size(), b.citizenId(), b.phone())));
                }
            });
        }
        return toMove;
    }

    /** Bookings due in the slot under way that have not checked in yet: their places are held for them. */
    public long heldNow(Office office, LocalDateTime now) {
        return openingDays.of(office, now.toLocalDate()).slots().stream()
                .filter(s -> !now.toLocalTime().isBefore(s.start()) && now.toLocalTime().isBefore(s.end())).findFirst()
                .map(s -> bookings.countByOfficeIdAndDateAndStartAndStatus(office.id(), now.toLocalDate().toString(),
                        s.start().toString(), BookingStatus.CONFIRMED))
                .orElse(0L);
    }

    /**
     * Check-in at the office: the booking must be for this office and today, and still confirmed;
     * only then is its ticket issued (so a refused check-in uses up no queue number).
     */
    public Booking checkIn(String code, Office office, LocalDate today, Function<Booking, String> issueTicket) {
        Booking booking = bookings.findById(code == null ? "" : code).filter(b -> b.officeId().equals(office.id()))
                .orElseThrow(() -> ApiProblem.unprocessable("unknown-booking", "No booking " + code + " at " + office.id()));
        if (!booking.date().equals(today)) {
            throw ApiProblem.unprocessable("booking-not-today", "Booking " + code + " is for " + booking.date());
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw ApiProblem.conflict("booking-not-active", "Booking " + code + " is " + booking.status()
                    + (booking.ticketId() == null ? "" : " (ticket " + booking.ticketId() + ")"));
        }
        booking.checkedIn(issueTicket.apply(booking));
        store.update(booking, List.of());
        holders.release(holderOf(booking), booking.officeDay(), code);
        return booking;
    }

    public List<Booking> between(String officeId, LocalDate from, LocalDate until) {
        return bookings.findByOfficeIdAndDateBetween(officeId, from.minusDays(1).toString(), until.plusDays(1).toString());
    }

    public Optional<Booking> byCode(String code) {
        return bookings.findById(code);
    }

    /**
     * Every place held under the booking's code goes: its slot's, the one it was moved out of, and
     * any a move took and died before storing (no move can store a booking that is not confirmed).
     */
    void giveBack(Booking booking) {
        slots.releaseStrays(booking.code(), null, null);
        holders.release(holderOf(booking), booking.officeDay(), booking.code());
    }

    /**
     * The place of the slot the booking was last moved out of, if it still holds it (a no-op
     * otherwise), and not a place a later move back into that slot took.
     */
    void giveBackTheSlotLeft(Booking booking) {
        if (booking.moved()) {
            slots.releaseLeft(booking.officeId(), booking.leftDate(), booking.leftStart(), booking.code(), versionOf(booking));
        }
    }

    /** A booking stored before bookings were versioned is at version 0. */
    private static long versionOf(Booking booking) {
        return booking.version() == null ? 0 : booking.version();
    }

    void releaseHolder(Booking booking) {
        holders.release(holderOf(booking), booking.officeDay(), booking.code());
    }

    private Office.Slot bookableSlot(Office office, LocalDate date, LocalTime start) {
        whyNotBookable(date, start).ifPresent(slug -> {
            throw ApiProblem.unprocessable(slug, SLOT_IN_PAST.equals(slug)
                    ? "The slot " + date + " " + start + " has begun or passed"
                    : "Bookings open " + horizonDays + " days ahead; " + date + " is later");
        });
        OpeningDays.OpenDay day = openingDays.of(office, date);
        if (!day.calendarKnown()) {
            throw ApiProblem.unprocessable("calendar-not-published",
                    "The working calendar of " + date.getYear() + " is not published yet; bookings for it open then");
        }
        if (!day.open()) {
            throw ApiProblem.unprocessable("office-closed", office.name() + " does not open on " + date);
        }
        return day.slots().stream().filter(s -> s.start().equals(start)).findFirst()
                .orElseThrow(() -> ApiProblem.unprocessable("outside-opening-hours",
                        start + " is not the start of a slot of " + office.name() + " on " + date)
                        .with("slots", day.slots().stream().map(s -> s.start().toString()).toList()));
    }

    private ApiProblem full(Office office, LocalDate date, Office.Slot slot) {
        return ApiProblem.conflict("slot-full", "The slot " + date + " " + slot.start() + " at " + office.name() + " is full")
                .with("nextFreeSlots", nextFree(office, date, slot.start()));
    }

    List<Map<String, Object>> nextFree(Office office, LocalDate fromDay, LocalTime after) {
        List<Map<String, Object>> free = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now(clock.withZone(Capacities.ZONE));
        for (LocalDate day = fromDay; free.size() < NEXT_FREE_SHOWN && day.isBefore(fromDay.plusDays(NEXT_FREE_DAYS)); day = day.plusDays(1)) {
            if (!openingDays.of(office, day).open()) {
                continue;
            }
            for (SlotView slot : slotsOf(office, day).slots()) {
                boolean later = !day.equals(fromDay) || slot.start().isAfter(after);
                if (later && slot.free() > 0 && day.atTime(slot.start()).isAfter(now) && free.size() < NEXT_FREE_SHOWN) {
                    free.add(Map.of("date", day.toString(), "start", slot.start().toString(), "end", slot.end().toString(),
                            "free", slot.free()));
                }
            }
        }
        return free;
    }

    private static BookingHolder holderOf(Booking booking) {
        return new BookingHolder(booking.citizenId(), booking.phone(), booking.channel(), booking.bookedBy());
    }

    private static String cancelReason(Caller caller) {
        if (caller.has(Role.CITIZEN)) {
            return "cancelled by the citizen";
        }
        return "cancelled by " + (caller.clientId() != null && !caller.has(Role.OFFICER) ? caller.clientId() : caller.username());
    }

    private boolean dayBeforeReminderDue(Instant startsAt, Instant now) {
        return Duration.between(now, startsAt).compareTo(Duration.ofDays(1)) > 0;
    }

    private Instant startOf(LocalDate day, LocalTime start) {
        return day.atTime(start).atZone(Capacities.ZONE).toInstant();
    }

    /**
     * Why a slot (or, without a start, every slot of the day) cannot be booked now for its time, as the
     * problem's slug a booking would be refused with; empty when it can.
     */
    private Optional<String> whyNotBookable(LocalDate date, LocalTime start) {
        LocalDate today = today();
        boolean begun = start != null && date.equals(today) && !start.isAfter(LocalTime.now(clock.withZone(Capacities.ZONE)));
        if (date.isBefore(today) || begun) {
            return Optional.of(SLOT_IN_PAST);
        }
        return date.isAfter(today.plusDays(horizonDays)) ? Optional.of(BEYOND_HORIZON) : Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Capacities.ZONE));
    }

    /** 8 characters of 32, one per byte (256 is a multiple of 32, so each is as likely). */
    private static String codeFrom(byte[] drawn) {
        StringBuilder code = new StringBuilder("LH");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(Byte.toUnsignedInt(drawn[i]) % CODE_ALPHABET.length()));
        }
        return code.toString();
    }

    private String newCode() {
        byte[] drawn = new byte[8];
        random.nextBytes(drawn);
        return codeFrom(drawn);
    }
}
