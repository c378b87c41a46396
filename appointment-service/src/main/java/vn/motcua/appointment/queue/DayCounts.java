package vn.motcua.appointment.queue;

/** An office day's counts now (waiting area, citizens in the room) and the peaks they reached, as stored. */
public record DayCounts(int waiting, int room, int peakWaiting, int peakRoom, int walkInsSeated, int walkInsToVirtualQueue) {
}
