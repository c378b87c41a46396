package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ShipmentCancelled;
import vn.motcua.events.postal.ShipmentCashOnDeliveryChanged;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentRequested;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.tariffs.TariffRules;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;

class ShipmentTest {
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final AttemptLimits THREE_TRIES = new AttemptLimits(3, 3, "BCCI-ATTEMPTS-2020");

    private static Shipment pickup(String itemId) {
        return Shipment.requestedPickup(CallerMother.CITIZEN_1, "postal-vnpost", new Shipment.Origin(CallerMother.AGENCY_THUONG_TIN,
                "2.000009", 3), new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi", "Hà Nội"), itemId,
                ShipmentMother.WITHIN_HANOI, NOW).aggregate();
    }

    private static Shipment.Report report(String id, Shipment.Progress progress, Instant at) {
        return new Shipment.Report(id, progress, at, null, null, at);
    }

    @Test
    void aPaperDossierThePostBroughtGoesBackOnceRegisteredAndClosedAndWaitsAtTheCounterWhenNobodyTakesIt() {
        Shipment brought = pickup("RR100000114VN");
        brought.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(60)), THREE_TRIES);
        brought.dossierClosed("Hồ sơ bị từ chối", NOW.plusSeconds(90));
        assertThat(brought.dossierToGoBack()).as("not registered: no dossier to close").isFalse();

        String code = EventMother.newDossierCode();
        Shipment registered = pickup("RR100000115VN");
        registered.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(registered.registeredAs(code)).isEmpty();
        assertThat(registered.registeredAs("another")).as("once").isSameAs(AggregateStore.UNCHANGED);
        assertThat(registered.dossierCode()).isEqualTo(code);
        assertThat(registered.dossierToGoBack()).as("still open").isFalse();
        assertThat(registered.dossierClosed("Hồ sơ bị từ chối", NOW.plusSeconds(120))).as("nothing to call off").isEmpty();
        assertThat(registered.dossierToGoBack()).isTrue();

        var planned = Shipment.dossierBack(registered, registered.whyBack(), NOW.plusSeconds(120));
        Shipment back = planned.aggregate();
        assertThat(planned.events()).singleElement().isEqualTo(new PaperDossierReturnPlanned("TRA-" + code, code, "RR100000115VN",
                CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, "Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi", "Hà Nội",
                "Hồ sơ bị từ chối", NOW.plusSeconds(120)));
        assertThat(back.kind().purpose()).isEqualTo(ShipmentPurpose.DOSSIER_RETURN);
        assertThat(back.readyToHandOver()).as("it is at the agency").isTrue();
        back.request("RR100000116VN", ShipmentMother.WITHIN_HANOI, NOW.plusSeconds(180));
        assertThat(back.report(report("b1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(240)), THREE_TRIES)).singleElement()
                .isInstanceOfSatisfying(ShipmentDispatched.class, out -> assertThat(out.purpose()).isEqualTo(ShipmentPurpose.DOSSIER_RETURN));
        back.report(report("f1", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(300)), THREE_TRIES);
        back.report(report("f2", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(400)), THREE_TRIES);
        assertThat(back.report(report("f3", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(500)), THREE_TRIES))
                .hasExactlyElementsOfTypes(ShipmentReturnedToSender.class, PaperDossierAwaitingCollection.class);
        assertThat(back.deliverByHand("officer1", "Nguyễn Văn An", NOW.plusSeconds(900))).as("handed over at the counter")
                .singleElement().isInstanceOf(ShipmentDelivered.class);
    }

    @Test
    void aCalledOffPickupTellsTheOperatorOnceAndIgnoresHisFailedAttempts() {
        Shipment pickup = pickup("RR100000101VN");
        assertThat(pickup.cancelPickup(NOW)).singleElement().isInstanceOf(ShipmentCancelled.class);
        assertThat(pickup.cancelPickup(NOW.plusSeconds(5))).isEmpty();

        for (int attempt = 1; attempt <= THREE_TRIES.deliveries(); attempt++) {
            assertThat(pickup.report(report("f" + attempt, Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(60L * attempt)), THREE_TRIES))
                    .as("no return to sender of what was never collected").isEmpty();
        }
        assertThat(pickup.status()).isEqualTo(Shipment.Status.CANCELLED);
    }

    @Test
    void theOperatorsReportThatHeCollectedItWinsOverTheCallOff() {
        Shipment pickup = pickup("RR100000102VN");
        pickup.cancelPickup(NOW);
        pickup.report(report("s1", Shipment.Progress.PICKUP_SCHEDULED, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(pickup.status()).isEqualTo(Shipment.Status.CANCELLED);

        pickup.report(report("t1", Shipment.Progress.IN_TRANSIT, NOW.plusSeconds(120)), THREE_TRIES);
        assertThat(pickup.status()).isEqualTo(Shipment.Status.IN_TRANSIT);
        assertThatThrownBy(() -> pickup.cancelPickup(NOW.plusSeconds(180))).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(409));
    }

    @Test
    void aCollectionThePostmanCouldNotMakeIsToldEachTimeAndAfterTheThirdThePostGivesUpUntilHeReportsHeHasIt() {
        Shipment pickup = pickup("RR100000115VN");
        Shipment.Report first = new Shipment.Report("f1", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(60), "Không gặp người gửi",
                null, NOW.plusSeconds(60));
        assertThat(pickup.report(first, THREE_TRIES)).singleElement().isEqualTo(new ShipmentCollectionAttemptFailed(pickup.id(), null,
                ShipmentPurpose.DOSSIER_PICKUP, "RR100000115VN", CallerMother.CITIZEN_1, 1, 3, "Không gặp người gửi", NOW.plusSeconds(60)));
        assertThat(pickup.report(first, THREE_TRIES)).as("the same report again").isEmpty();
        assertThat(pickup.status()).as("he comes again").isEqualTo(Shipment.Status.REQUESTED);
        assertThat(pickup.report(report("f2", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(120)), THREE_TRIES)).singleElement()
                .isInstanceOfSatisfying(ShipmentCollectionAttemptFailed.class, failed -> assertThat(failed.attempt()).isEqualTo(2));

        assertThat(pickup.report(report("f3", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(180)), THREE_TRIES)).singleElement()
                .isEqualTo(new ShipmentCollectionAbandoned(pickup.id(), null, ShipmentPurpose.DOSSIER_PICKUP, "RR100000115VN",
                        CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, "2.000009", 3, null, NOW.plusSeconds(180)));
        assertThat(pickup.status()).isEqualTo(Shipment.Status.CANCELLED);
        assertThat(pickup.collectionGivenUp()).isTrue();
        assertThat(pickup.report(report("f4", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(240)), THREE_TRIES)).as("given up once").isEmpty();

        pickup.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(300)), THREE_TRIES);
        assertThat(pickup.status()).as("he had it after all").isEqualTo(Shipment.Status.PICKED_UP);
        assertThat(pickup.collectionGivenUp()).isFalse();
        assertThat(pickup.report(report("f5", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(360)), THREE_TRIES)).as("collected").isEmpty();

        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000116VN");
        int reported = result.history().size();
        assertThatThrownBy(() -> result.report(report("f1", Shipment.Progress.PICKUP_FAILED, NOW), THREE_TRIES)).as("nothing to collect at the door")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(422));
        assertThat(result.history()).as("a refused report changes nothing").hasSize(reported);
    }

    @Test
    void thePostStopsTryingAfterAsManyAttemptsAsTheOperatorsRuleAllowsNotAFixedThree() {
        AttemptLimits twoCollectionsFiveDeliveries = new AttemptLimits(5, 2, "OPERATOR-TERMS");
        Shipment pickup = pickup("RR100000117VN");
        pickup.report(report("f1", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(60)), twoCollectionsFiveDeliveries);
        assertThat(pickup.report(report("f2", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(120)), twoCollectionsFiveDeliveries))
                .singleElement().isInstanceOfSatisfying(ShipmentCollectionAbandoned.class, gaveUp -> assertThat(gaveUp.attempts()).isEqualTo(2));
        assertThat(pickup.collectionGivenUp()).isTrue();

        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000118VN");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(result.report(report("d" + attempt, Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(attempt)),
                    twoCollectionsFiveDeliveries)).singleElement().isInstanceOf(ShipmentDeliveryAttemptFailed.class);
        }
        assertThat(result.status()).as("a fourth failure is not the last under this rule").isEqualTo(Shipment.Status.DELIVERY_FAILED);
        assertThat(result.report(report("d5", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(5)), twoCollectionsFiveDeliveries))
                .first().isInstanceOfSatisfying(ShipmentReturnedToSender.class, back -> assertThat(back.failedAttempts()).isEqualTo(5));
    }

    @Test
    void thePostmansWindowIsToldWhileThePapersAreStillToCollectOncePerNewWindowAndNeverFromAnEarlierReport() {
        Shipment.PickupWindow morning = new Shipment.PickupWindow(NOW.plusSeconds(3_600), NOW.plusSeconds(4 * 3_600));
        Shipment.PickupWindow nextDay = new Shipment.PickupWindow(NOW.plusSeconds(86_400), NOW.plusSeconds(90_000));
        Shipment pickup = pickup("RR100000120VN");
        assertThat(pickup.report(scheduled("s1", NOW, morning), THREE_TRIES)).singleElement().isEqualTo(new ShipmentCollectionScheduled(
                pickup.id(), null, ShipmentPurpose.DOSSIER_PICKUP, "RR100000120VN", CallerMother.CITIZEN_1, morning.from(), morning.until(),
                NOW));
        assertThat(pickup.status()).isEqualTo(Shipment.Status.PICKUP_SCHEDULED);
        assertThat(pickup.report(scheduled("s2", NOW.plusSeconds(5), morning), THREE_TRIES)).as("the same window").isEmpty();
        assertThat(pickup.report(scheduled("s0", NOW.minusSeconds(60), nextDay), THREE_TRIES)).as("set before the one told").isEmpty();
        assertThat(pickup.report(report("s3", Shipment.Progress.PICKUP_SCHEDULED, NOW.plusSeconds(10)), THREE_TRIES)).as("no window")
                .isEmpty();
        assertThat(pickup.report(scheduled("s4", NOW.plusSeconds(20), nextDay), THREE_TRIES)).singleElement()
                .isInstanceOfSatisfying(ShipmentCollectionScheduled.class, told -> assertThat(told.pickupFrom()).isEqualTo(nextDay.from()));
        assertThat(pickup.pickupWindow()).isEqualTo(nextDay);

        pickup.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(30)), THREE_TRIES);
        assertThat(pickup.report(scheduled("s5", NOW.plusSeconds(40), morning), THREE_TRIES)).as("collected already").isEmpty();
        Shipment calledOff = pickup("RR100000121VN");
        calledOff.cancelPickup(NOW);
        assertThat(calledOff.report(scheduled("s1", NOW.plusSeconds(5), morning), THREE_TRIES)).as("called off").isEmpty();

        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000122VN");
        assertThatThrownBy(() -> result.report(scheduled("s1", NOW, morning), THREE_TRIES)).as("nobody waits at home for a result leaving")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(422));
        assertThat(result.report(report("s2", Shipment.Progress.PICKUP_SCHEDULED, NOW), THREE_TRIES)).as("without a window").isEmpty();
    }

    private static Shipment.Report scheduled(String id, Instant at, Shipment.PickupWindow window) {
        return new Shipment.Report(id, Shipment.Progress.PICKUP_SCHEDULED, at, null, null, at, window);
    }

    @Test
    void aCitizensCallOffAfterAFailedCollectionIsNotCountedAsThePostGivingUp() {
        Shipment pickup = pickup("RR100000119VN");
        pickup.report(report("f1", Shipment.Progress.PICKUP_FAILED, NOW.plusSeconds(60)), THREE_TRIES);
        pickup.cancelPickup(NOW.plusSeconds(120));
        assertThat(pickup.status()).isEqualTo(Shipment.Status.CANCELLED);
        assertThat(pickup.collectionGivenUp()).isFalse();
    }

    @Test
    void aResultOnItsWayBackIsNotAPickupItsCitizenCallsOff() {
        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000103VN");
        assertThatThrownBy(() -> result.cancelPickup(NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(result.status()).isEqualTo(Shipment.Status.REQUESTED);
    }
    @Test
    void aClosedDossiersResultStopsWaitingAndItsOriginalsAreNotCollectedUnlessThePostmanHasThem() {
        Shipment result = ShipmentMother.awaitingResult(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", NOW);
        assertThat(result.dossierClosed("Hồ sơ được rút", NOW)).as("the operator never had it").isEmpty();
        assertThat(result.status()).isEqualTo(Shipment.Status.CANCELLED);
        assertThatThrownBy(() -> result.confirmAddress(new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi",
                "Hà Nội"), NOW)).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(result.readyToHandOver()).isFalse();

        Shipment originals = Shipment.offeredOriginals(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost",
                new Shipment.Origin(CallerMother.AGENCY_THUONG_TIN, "2.000009", 2), new Shipment.Destination("Nguyễn Văn An",
                        "0912345678", "Số 5 phố Lê Lợi", "Hà Nội"), NOW).aggregate();
        originals.confirmAddress(new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi", "Hà Nội"), NOW);
        originals.request("RR100000106VN", ShipmentMother.WITHIN_HANOI, NOW);
        assertThat(originals.dossierClosed("Hồ sơ bị từ chối", NOW)).singleElement()
                .isInstanceOfSatisfying(ShipmentCancelled.class, cancelled -> assertThat(cancelled.itemId()).isEqualTo("RR100000106VN"));
        assertThat(originals.dossierClosed("lần nữa", NOW)).isEmpty();

        Shipment underWay = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000107VN");
        assertThat(underWay.dossierClosed("Hồ sơ dừng xử lý", NOW)).as("a ready result handed over").isEmpty();
        assertThat(underWay.status()).isEqualTo(Shipment.Status.REQUESTED);
    }

    /** Paper originals the citizen confirmed, handed to the operator for the postman to collect. */
    private static Shipment originalsRequested(String code) {
        Shipment originals = Shipment.offeredOriginals(code, CallerMother.CITIZEN_1, "postal-vnpost",
                new Shipment.Origin(CallerMother.AGENCY_THUONG_TIN, "2.000009", 2), new Shipment.Destination("Nguyễn Văn An",
                        "0912345678", "Số 5 phố Lê Lợi", "Hà Nội"), NOW).aggregate();
        originals.confirmAddress(new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi", "Hà Nội"), NOW);
        originals.request("RR100000108VN", ShipmentMother.WITHIN_HANOI, NOW);
        return originals;
    }

    @Test
    void originalsCollectedForADossierThatClosedGoBackOnceAtTheAgencyToWhereTheyCameFrom() {
        String code = EventMother.newDossierCode();
        Shipment originals = originalsRequested(code);
        assertThat(originals.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES)).as("on its way to the agency, not to"
                + " the citizen: nothing to follow").isEmpty();
        assertThat(originals.originalsToGoBack()).as("dossier still open").isFalse();
        assertThat(originals.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(120))).as("already collected: nothing to call off").isEmpty();
        assertThat(originals.originalsToGoBack()).isTrue();

        var planned = Shipment.originalsBack(originals, originals.whyBack(), NOW.plusSeconds(120));
        Shipment back = planned.aggregate();
        assertThat(planned.events()).singleElement().isEqualTo(new OriginalsReturnPlanned("BAK-" + code, code, CallerMother.CITIZEN_1,
                CallerMother.AGENCY_THUONG_TIN, "Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi", "Hà Nội", "Hồ sơ được rút",
                NOW.plusSeconds(120)));
        assertThat(back.kind()).isEqualTo(Shipment.Kind.ORIGINALS_RETURN);
        assertThat(back.readyToHandOver()).as("the originals are still on their way to the agency").isFalse();
        assertThatThrownBy(() -> back.deliverByHand("officer1", "Nguyễn Văn An", NOW)).as("nothing at the counter yet")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));

        back.markResultReady();
        assertThat(back.request("RR100000109VN", ShipmentMother.WITHIN_HANOI, NOW.plusSeconds(180))).singleElement()
                .isInstanceOfSatisfying(ShipmentRequested.class, requested -> {
                    assertThat(requested.purpose()).isEqualTo(ShipmentPurpose.ORIGINALS_RETURN);
                    assertThat(requested.address()).isEqualTo("Số 5 phố Lê Lợi");
                });
    }

    @Test
    void originalsTheAgencyReceivedHavingOnlyComparedThemGoBackAsCheckedAndAClosureAfterKeepsThatReason() {
        Shipment originals = originalsRequested(EventMother.newDossierCode());
        originals.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(originals.checkedAtReception()).isEmpty();
        assertThat(originals.originalsToGoBack()).isTrue();
        assertThat(originals.whyBack()).isEqualTo(Shipment.CHECKED);
        assertThat(originals.checkedAtReception()).as("once").isSameAs(AggregateStore.UNCHANGED);
        originals.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(120));
        assertThat(originals.whyBack()).as("the return planned said so already").isEqualTo(Shipment.CHECKED);

        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000113VN");
        assertThat(result.checkedAtReception()).as("only paper originals").isSameAs(AggregateStore.UNCHANGED);
        assertThat(result.originalsToGoBack()).isFalse();
    }

    @Test
    void originalsCollectedAndNotGoingBackAreAskedAboutWhenTheResultIsReadyAndNoOthers() {
        String code = EventMother.newDossierCode();
        Shipment originals = originalsRequested(code);
        assertThat(originals.resultReadyWithOriginalsUndecided(NOW)).as("not collected yet").isSameAs(AggregateStore.UNCHANGED);
        originals.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(originals.resultReadyWithOriginalsUndecided(NOW.plusSeconds(90))).singleElement().isEqualTo(
                new OriginalsAwaitingDecision("ORI-" + code, code, CallerMother.AGENCY_THUONG_TIN, "2.000009", CallerMother.CITIZEN_1,
                        false, NOW.plusSeconds(90)));
        assertThat(originals.askedBeforeArrival()).isTrue();
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(100), false)).as("still on their way")
                .isSameAs(AggregateStore.UNCHANGED);
        originals.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(120)), THREE_TRIES);
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(130), false)).as("asked again, now in their hands")
                .singleElement().isEqualTo(new OriginalsAwaitingDecision("ORI-" + code, code, CallerMother.AGENCY_THUONG_TIN, "2.000009",
                        CallerMother.CITIZEN_1, true, NOW.plusSeconds(130)));
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(140), false)).as("once").isSameAs(AggregateStore.UNCHANGED);
        assertThat(originals.resultReadyWithOriginalsUndecided(NOW.plusSeconds(150))).singleElement()
                .isInstanceOfSatisfying(OriginalsAwaitingDecision.class, asked -> assertThat(asked.atAgency()).isTrue());
        assertThat(originals.askedBeforeArrival()).as("asked at the agency: nothing to ask again").isFalse();
        Shipment answeredMeanwhile = originalsRequested(EventMother.newDossierCode());
        answeredMeanwhile.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        answeredMeanwhile.resultReadyWithOriginalsUndecided(NOW.plusSeconds(90));
        answeredMeanwhile.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(120)), THREE_TRIES);
        assertThat(answeredMeanwhile.arrivedAtTheAgency(NOW.plusSeconds(130), true)).as("an officer planned their return: not asked")
                .isEmpty();
        assertThat(answeredMeanwhile.awaitsArrival()).isFalse();

        originals.checkedAtReception();
        assertThat(originals.resultReadyWithOriginalsUndecided(NOW.plusSeconds(180))).as("going back already")
                .isSameAs(AggregateStore.UNCHANGED);
        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000114VN");
        assertThat(result.resultReadyWithOriginalsUndecided(NOW)).as("only paper originals").isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void originalsCollectedForAnAgencyThatKeepsThemAreSaidToStayUnlessTheyGoBackAlready() {
        String code = EventMother.newDossierCode();
        Shipment originals = originalsRequested(code);
        assertThat(originals.receivedToKeep(NOW)).as("not collected: told when they arrive").isEmpty();
        assertThat(originals.keptOnArrival()).isTrue();
        originals.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(originals.receivedToKeep(NOW.plusSeconds(90))).singleElement().isEqualTo(new OriginalsKeptOnFile("ORI-" + code, code,
                CallerMother.AGENCY_THUONG_TIN, "2.000009", CallerMother.CITIZEN_1, NOW.plusSeconds(90)));
        assertThat(originals.keptOnArrival()).as("told now, not again on arrival").isFalse();
        originals.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(120));
        assertThat(originals.receivedToKeep(NOW.plusSeconds(150))).as("going back with the closure").isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void keptOriginalsOfADossierReceivedBeforeTheyWereCollectedAreToldOnceWhenTheyReachTheAgencyUnlessTheyGoBack() {
        String code = EventMother.newDossierCode();
        Shipment originals = originalsRequested(code);
        originals.receivedToKeep(NOW);
        originals.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(90), false)).as("on their way").isSameAs(AggregateStore.UNCHANGED);
        originals.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(120)), THREE_TRIES);
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(150), false)).singleElement().isEqualTo(new OriginalsKeptOnFile("ORI-" + code, code,
                CallerMother.AGENCY_THUONG_TIN, "2.000009", CallerMother.CITIZEN_1, NOW.plusSeconds(150)));
        assertThat(originals.arrivedAtTheAgency(NOW.plusSeconds(180), false)).as("once").isSameAs(AggregateStore.UNCHANGED);

        Shipment closedSince = originalsRequested(EventMother.newDossierCode());
        closedSince.receivedToKeep(NOW);
        closedSince.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        closedSince.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(90));
        closedSince.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(120)), THREE_TRIES);
        assertThat(closedSince.arrivedAtTheAgency(NOW.plusSeconds(150), false)).as("going back with the closure, nothing to tell").isEmpty();
    }

    @Test
    void originalsNeverCollectedOrBroughtBackByTheOperatorDoNotGoBackAndOnesAtTheCounterAreHandedOver() {
        Shipment onTheWay = originalsRequested(EventMother.newDossierCode());
        onTheWay.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        assertThatThrownBy(onTheWay::checkSendableBackByTheAgency).as("not at the agency yet").isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.toProblemDetail().getType()).hasToString("urn:motcua:problem:originals-not-at-agency"));
        assertThatThrownBy(ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost",
                "RR100000112VN")::checkSendableBackByTheAgency).as("a result").isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.toProblemDetail().getType()).hasToString("urn:motcua:problem:not-paper-originals"));

        Shipment calledOff = originalsRequested(EventMother.newDossierCode());
        calledOff.dossierClosed("Hồ sơ bị từ chối", NOW);
        assertThat(calledOff.originalsToGoBack()).isFalse();

        Shipment broughtBack = originalsRequested(EventMother.newDossierCode());
        broughtBack.report(report("p1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(60)), THREE_TRIES);
        for (int attempt = 1; attempt <= THREE_TRIES.deliveries(); attempt++) {
            broughtBack.report(report("f" + attempt, Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(60L + attempt)), THREE_TRIES);
        }
        broughtBack.dossierClosed("Hồ sơ dừng xử lý", NOW.plusSeconds(600));
        assertThat(broughtBack.status()).isEqualTo(Shipment.Status.RETURNED_TO_SENDER);
        assertThat(broughtBack.originalsToGoBack()).as("the operator took them back to the citizen").isFalse();

        Shipment arrived = originalsRequested(EventMother.newDossierCode());
        arrived.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(60)), THREE_TRIES);
        arrived.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(120));
        Shipment back = Shipment.originalsBack(arrived, arrived.whyBack(), NOW.plusSeconds(120)).aggregate();
        assertThat(back.resultReady()).as("already at the agency").isTrue();
        assertThat(back.deliverByHand("officer1", "Nguyễn Văn An", NOW.plusSeconds(300))).singleElement()
                .isInstanceOfSatisfying(ShipmentDelivered.class, delivered -> {
                    assertThat(delivered.purpose()).isEqualTo(ShipmentPurpose.ORIGINALS_RETURN);
                    assertThat(delivered.handedOverBy()).as("by hand, not by the post").isEqualTo("officer1");
                });
        assertThat(back.status()).isEqualTo(Shipment.Status.DELIVERED);
    }

    @Test
    void originalsGoingBackThatNobodyTookWaitAtTheCounterAndAreHandedOverThere() {
        Shipment arrived = originalsRequested(EventMother.newDossierCode());
        arrived.report(report("d1", Shipment.Progress.DELIVERED, NOW.plusSeconds(60)), THREE_TRIES);
        arrived.dossierClosed("Hồ sơ được rút", NOW.plusSeconds(120));
        Shipment back = Shipment.originalsBack(arrived, arrived.whyBack(), NOW.plusSeconds(120)).aggregate();
        back.request("RR100000110VN", ShipmentMother.WITHIN_HANOI, NOW.plusSeconds(180));
        assertThat(back.report(report("b1", Shipment.Progress.PICKED_UP, NOW.plusSeconds(240)), THREE_TRIES)).as("the citizen follows it")
                .singleElement().isEqualTo(new ShipmentDispatched(back.id(), back.dossierCode(), "RR100000110VN", CallerMother.CITIZEN_1,
                        NOW.plusSeconds(240), back.cashOnDelivery(), 0L, ShipmentPurpose.ORIGINALS_RETURN));
        assertThatThrownBy(() -> back.deliverByHand("officer1", "Nguyễn Văn An", NOW.plusSeconds(250))).as("with the postman")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(back.report(report("o1", Shipment.Progress.OUT_FOR_DELIVERY, NOW.plusSeconds(260)), THREE_TRIES)).singleElement()
                .isInstanceOfSatisfying(ShipmentOutForDelivery.class, out -> assertThat(out.carriesResult()).isFalse());

        assertThat(back.report(report("f1", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(300)), THREE_TRIES)).singleElement()
                .isInstanceOfSatisfying(ShipmentDeliveryAttemptFailed.class, failed -> {
                    assertThat(failed.purpose()).isEqualTo(ShipmentPurpose.ORIGINALS_RETURN);
                    assertThat(failed.attempt()).isEqualTo(1);
                });
        back.report(report("f2", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(400)), THREE_TRIES);
        assertThat(back.report(report("f3", Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(500)), THREE_TRIES))
                .hasExactlyElementsOfTypes(ShipmentReturnedToSender.class, OriginalsAwaitingCollection.class)
                .last().isEqualTo(new OriginalsAwaitingCollection(back.id(), back.dossierCode(), CallerMother.CITIZEN_1,
                        CallerMother.AGENCY_THUONG_TIN, 3, null, NOW.plusSeconds(500)));

        assertThat(back.deliverByHand("officer1", "Nguyễn Văn An", NOW.plusSeconds(900))).as("the operator is done with it")
                .singleElement().isInstanceOf(ShipmentDelivered.class);
        assertThat(back.status()).isEqualTo(Shipment.Status.DELIVERED);
    }

    @Test
    void aResultBroughtBackIsNotHandedOverThroughThePost() {
        Shipment result = ShipmentMother.requested(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", "RR100000111VN");
        for (int attempt = 1; attempt <= THREE_TRIES.deliveries(); attempt++) {
            assertThat(result.report(report("f" + attempt, Shipment.Progress.DELIVERY_FAILED, NOW.plusSeconds(attempt)), THREE_TRIES))
                    .noneMatch(OriginalsAwaitingCollection.class::isInstance);
        }
        assertThatThrownBy(() -> result.deliverByHand("officer1", "Nguyễn Văn An", NOW.plusSeconds(60))).as("the dossier's counter returns it")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
    }

    /** Postage 22,000 paid by the citizen, and a cash-on-delivery fee of 12,000 for collecting the result's fees. */
    private static final TariffRules.Quote WITH_CASH_FEE = new TariffRules.Quote("VNPOST-BCCI-2025", TariffRules.Zone.WITHIN_PROVINCE,
            22_000, null, 22_000, 12_000, TariffRules.Payer.CITIZEN, null, 34_000, 0, "Hà Nội", "Hà Nội");

    private static Shipment handedOverWithFees(long fees, TariffRules.Quote price) {
        Shipment shipment = ShipmentMother.awaitingResult(EventMother.newDossierCode(), CallerMother.CITIZEN_1, "postal-vnpost", NOW);
        shipment.collectOnDelivery(fees);
        shipment.markResultReady();
        shipment.request("RR100000105VN", price, NOW);
        return shipment;
    }

    @Test
    void feesPaidOtherwiseAfterTheHandOverTakeTheirCashOnDeliveryFeeWithThem() {
        Shipment shipment = handedOverWithFees(50_000, WITH_CASH_FEE);
        assertThat(shipment.cashOnDelivery()).isEqualTo(84_000);

        assertThat(shipment.feesPaidOtherwise(NOW)).singleElement().isInstanceOfSatisfying(ShipmentCashOnDeliveryChanged.class,
                changed -> assertThat(changed.cashOnDelivery()).as("the postage only").isEqualTo(22_000));
        assertThat(shipment.cashOnDelivery()).isEqualTo(22_000);
        assertThat(shipment.price()).as("the price stays as frozen").isEqualTo(WITH_CASH_FEE);

        assertThat(shipment.report(new Shipment.Report("c1", Shipment.Progress.CASH_COLLECTED, NOW, "BN-1", 22_000L, NOW), THREE_TRIES))
                .singleElement().isInstanceOfSatisfying(CashCollected.class, cash -> assertThat(cash.fees()).isZero());
    }

    @Test
    void thePostmanWhoCollectedTheOldAmountAllTheSameCollectedTheFees() {
        Shipment shipment = handedOverWithFees(50_000, WITH_CASH_FEE);
        shipment.feesPaidOtherwise(NOW);

        assertThat(shipment.report(new Shipment.Report("c1", Shipment.Progress.CASH_COLLECTED, NOW, "BN-1", 84_000L, NOW), THREE_TRIES))
                .singleElement().isInstanceOfSatisfying(CashCollected.class, cash -> assertThat(cash.fees()).isEqualTo(50_000));
    }

    @Test
    void withThePostagePaidByTheAgencyNothingIsLeftToCollectOnceTheFeesArePaid() {
        TariffRules.Quote agencyPays = new TariffRules.Quote("VNPOST-BCCI-2025", TariffRules.Zone.WITHIN_PROVINCE, 22_000, null, 22_000,
                12_000, TariffRules.Payer.AGENCY, "agency-pays", 12_000, 22_000, "Hà Nội", "Hà Nội");
        Shipment shipment = handedOverWithFees(50_000, agencyPays);
        assertThat(shipment.cashOnDelivery()).isEqualTo(62_000);

        assertThat(shipment.feesPaidOtherwise(NOW)).singleElement().isInstanceOfSatisfying(ShipmentCashOnDeliveryChanged.class,
                changed -> assertThat(changed.reason()).contains("không thu tiền"));
        assertThat(shipment.cashOnDelivery()).as("no cash-on-delivery fee for collecting nothing").isZero();
    }
}
