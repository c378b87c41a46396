package vn.motcua.appointment.booking;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.events.appointment.BookingChannel;

/**
 * Who a booking is for and who made it. A citizen is known by their id, a caller or chat user by
 * their phone number, often both; each of them has a share of the places (see {@link HolderLimits}).
 *
 * @param bookedBy the citizen's username, the officer answering the hotline, or the portal's or bot's client
 */
record BookingHolder(String citizenId, String phone, BookingChannel channel, String bookedBy) {

    /** The keys the holder's caps are kept under. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (citizenId != null) {
            keys.add("citizen:" + citizenId);
        }
        if (phone != null) {
            keys.add("phone:" + phone);
        }
        return keys;
    }
}
