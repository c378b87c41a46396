package vn.motcua.dossier.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.core.DossierMother.CITIZEN;
import static vn.motcua.dossier.core.DossierMother.DEADLINES;
import static vn.motcua.dossier.core.DossierMother.LEADER;
import static vn.motcua.dossier.core.DossierMother.OFFICER;
import static vn.motcua.dossier.core.DossierMother.REQUIRED;
import static vn.motcua.dossier.core.DossierMother.SPECIALIST;
import static vn.motcua.dossier.core.DossierMother.hanoi;
import static vn.motcua.dossier.core.DossierMother.later;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierSupplemented;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.FeeLine;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.outbox.Changed;

/** The dossier's rules on their own: no Spring, no database, fixed times. */
class DossierTest {
    private static final LocalDate LATER_WORKING_DAY = LocalDate.parse("2026-12-15");

    /** Each action people (or other services) can take, as a call on the dossier. */
    private static final Map<Action, Function<Dossier, List<Event>>> ACTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.RECEIVE, d -> d.receive(OFFICER, REQUIRED, DEADLINES, later())),
            Map.entry(Action.REFUSE, d -> d.refuse(OFFICER, "Thiếu giấy tờ", later())),
            Map.entry(Action.REQUEST_INTAKE_SUPPLEMENT, d -> d.requestIntakeSupplement(OFFICER, "Thiếu đơn",
                    List.of("Đơn"), later())),
            Map.entry(Action.ASSIGN, d -> d.assign(OFFICER, "specialist1", later())),
            Map.entry(Action.REQUEST_SUPPLEMENT, d -> d.requestSupplement(SPECIALIST, "Bổ sung", List.of("Bản sao"),
                    DEADLINES, later())),
            Map.entry(Action.SUPPLEMENT, d -> d.supplement(CITIZEN, "Đã bổ sung", REQUIRED, DEADLINES, later())),
            Map.entry(Action.REQUEST_FINANCIAL_OBLIGATION, d -> d.requestFinancialObligation(SPECIALIST, 500_000,
                    "Lệ phí trước bạ", DEADLINES, later())),
            Map.entry(Action.MEET_FINANCIAL_OBLIGATION, d -> d.meetFinancialObligation(Actor.ofEvent("payment-service",
                    "e1"), "PAY-1", DEADLINES, later())),
            Map.entry(Action.APPROVE, d -> d.approve(LEADER, "Đồng ý", later())),
            Map.entry(Action.REQUEST_REVISION, d -> d.requestRevision(LEADER, "Sửa lại căn cứ pháp lý", later())),
            Map.entry(Action.REQUEST_APPROVAL, d -> d.requestApproval(SPECIALIST, "Đủ điều kiện cấp phép", later())),
            Map.entry(Action.MARK_RESULT_READY, d -> d.markResultReady(SPECIALIST, later())),
            Map.entry(Action.RETURN_RESULT, d -> d.returnResult(OFFICER, ResultDelivery.COUNTER, later())),
            Map.entry(Action.STOP, d -> d.stop(LEADER, "Dừng", later())),
            Map.entry(Action.WITHDRAW, d -> d.withdraw(CITIZEN, "Rút", later())),
            Map.entry(Action.EXTEND_DUE_DATE, d -> d.extendDueDate(OFFICER, LATER_WORKING_DAY, "Xác minh", DEADLINES,
                    later())),
            // An officer's own working file: the one removal every status of the action allows.
            Map.entry(Action.REMOVE_DOCUMENT, d -> d.removeDocument(OFFICER, staffFile("doc-1", "Biên bản", false), later())),
            Map.entry(Action.SHARE_DOCUMENT, d -> d.shareDocument(SPECIALIST, "doc-2", "Phiếu thẩm định", "tham-dinh.pdf",
                    later())),
            Map.entry(Action.TRANSFER, d -> d.transferTo(new Agency("000.30.20.01.H29", "UBND xã Đông Anh", "COMMUNE", null),
                    new Actor("ops1", "ops1", "ops"), later()))));

    /** Where each action leads; null: the status stays. */
    private static final Map<Action, NationalStatus> TARGET = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.RECEIVE, NationalStatus.RECEIVED),
            Map.entry(Action.REFUSE, NationalStatus.NOT_ACCEPTED),
            Map.entry(Action.REQUEST_INTAKE_SUPPLEMENT, NationalStatus.SUPPLEMENT_REQUESTED),
            Map.entry(Action.ASSIGN, NationalStatus.PROCESSING),
            Map.entry(Action.REQUEST_SUPPLEMENT, NationalStatus.SUPPLEMENT_REQUESTED),
            Map.entry(Action.SUPPLEMENT, NationalStatus.PROCESSING),
            Map.entry(Action.REQUEST_FINANCIAL_OBLIGATION, NationalStatus.FINANCIAL_OBLIGATION_REQUESTED),
            Map.entry(Action.MEET_FINANCIAL_OBLIGATION, NationalStatus.PROCESSING),
            Map.entry(Action.APPROVE, NationalStatus.PROCESSING),
            Map.entry(Action.MARK_RESULT_READY, NationalStatus.RESULT_READY),
            Map.entry(Action.RETURN_RESULT, NationalStatus.RESULT_RETURNED),
            Map.entry(Action.STOP, NationalStatus.STOPPED),
            Map.entry(Action.WITHDRAW, NationalStatus.WITHDRAWN)));

    static Stream<Arguments> everyActionInEveryStatus() {
        List<Arguments> pairs = new ArrayList<>();
        for (Action action : ACTIONS.keySet()) {
            for (NationalStatus status : NationalStatus.values()) {
                pairs.add(Arguments.of(action, status));
            }
        }
        return pairs.stream();
    }

    @Test
    void everyActionPeopleTakeIsCoveredByTheTable() {
        List<Action> bySystem = List.of(Action.REGISTER, Action.FLAG_AT_RISK, Action.FLAG_OVERDUE, Action.RESULT_BACK_FROM_POST);
        assertThat(ACTIONS.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Action.values()).filter(a -> !bySystem.contains(a)).toList());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryStatus")
    void anActionIsTakenInTheStatusesTheLawAllowsAndRefusedInEveryOther(Action action, NationalStatus status) {
        Dossier dossier = DossierMother.at(status);
        int historyBefore = dossier.history().size();

        if (action.allowedFrom(status)) {
            ACTIONS.get(action).apply(dossier);
            // A dossier passed on while paused stays paused.
            NationalStatus expected = action == Action.ASSIGN && !NationalStatus.CLOCK_RUNNING.contains(status) ? status
                    : TARGET.getOrDefault(action, status);
            assertThat(dossier.status()).isEqualTo(expected);
            assertThat(dossier.history()).hasSize(historyBefore + 1);
            assertThat(dossier.history().getLast().action()).isEqualTo(action.name());
        } else {
            assertThatThrownBy(() -> ACTIONS.get(action).apply(dossier))
                    .isInstanceOfSatisfying(IllegalTransition.class,
                            problem -> assertThat(problem.toProblemDetail().getProperties())
                                    .containsEntry("currentStatus", status.code()).containsEntry("action", action.name()));
            assertThat(dossier.status()).isEqualTo(status);
            assertThat(dossier.history()).hasSize(historyBefore);
        }
    }

    @Test
    void theLegalTableIsTheOneTheDirectivesDescribe() {
        assertThat(legalFrom(NationalStatus.NEWLY_REGISTERED)).containsExactlyInAnyOrder(Action.RECEIVE, Action.REFUSE,
                Action.REQUEST_INTAKE_SUPPLEMENT, Action.WITHDRAW, Action.TRANSFER, Action.REMOVE_DOCUMENT, Action.SHARE_DOCUMENT);
        // The deadline clock runs only in 2 and 4: only there can the watch flag a dossier.
        assertThat(legalFrom(NationalStatus.RECEIVED)).containsExactlyInAnyOrder(Action.ASSIGN, Action.STOP,
                Action.WITHDRAW, Action.EXTEND_DUE_DATE, Action.FLAG_AT_RISK, Action.FLAG_OVERDUE, Action.TRANSFER,
                Action.REMOVE_DOCUMENT, Action.SHARE_DOCUMENT);
        assertThat(legalFrom(NationalStatus.PROCESSING)).containsExactlyInAnyOrder(Action.ASSIGN,
                Action.REQUEST_SUPPLEMENT, Action.REQUEST_FINANCIAL_OBLIGATION, Action.APPROVE, Action.REQUEST_REVISION,
                Action.REQUEST_APPROVAL,
                Action.MARK_RESULT_READY,
                Action.STOP, Action.WITHDRAW, Action.EXTEND_DUE_DATE, Action.FLAG_AT_RISK, Action.FLAG_OVERDUE,
                Action.TRANSFER, Action.REMOVE_DOCUMENT, Action.SHARE_DOCUMENT);
        // A paused dossier may pass to another specialist (ADR 0060), though nothing else of processing happens.
        assertThat(legalFrom(NationalStatus.SUPPLEMENT_REQUESTED)).containsExactlyInAnyOrder(Action.SUPPLEMENT, Action.ASSIGN,
                Action.STOP, Action.WITHDRAW, Action.EXTEND_DUE_DATE, Action.TRANSFER, Action.REMOVE_DOCUMENT, Action.SHARE_DOCUMENT);
        assertThat(legalFrom(NationalStatus.FINANCIAL_OBLIGATION_REQUESTED)).containsExactlyInAnyOrder(Action.ASSIGN,
                Action.MEET_FINANCIAL_OBLIGATION, Action.STOP, Action.WITHDRAW, Action.EXTEND_DUE_DATE, Action.TRANSFER);
        // A result waiting at 9 is handed over, or comes back from the post to wait at the counter.
        assertThat(legalFrom(NationalStatus.RESULT_READY)).containsExactlyInAnyOrder(Action.RETURN_RESULT,
                Action.RESULT_BACK_FROM_POST);
        for (NationalStatus closed : List.of(NationalStatus.NOT_ACCEPTED, NationalStatus.WITHDRAWN,
                NationalStatus.STOPPED, NationalStatus.RESULT_RETURNED)) {
            assertThat(legalFrom(closed)).as("closed status %s", closed).isEmpty();
        }
    }

    @Test
    void submittingRegistersTheDossierAndAnnouncesItWithItsSnapshotAndFees() {
        Changed<Dossier> submission = Dossier.submit(DossierMother.CODE, DossierMother.liquorLicence(), DossierMother.district(),
                "001090000001", new Applicant("Nguyễn Văn An", "001090000001", "0912345678", null, "Hà Nội"),
                Channel.ONLINE, ResultDelivery.POST, DossierMother.liquorLicence().price(true, 3, null, null), CITIZEN,
                hanoi("2026-11-23T09:00"));

        Dossier dossier = submission.aggregate();
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);
        assertThat(dossier.catalogVersion()).isEqualTo(3);
        assertThat(dossier.feesDue()).containsExactly(new FeeLine("LE_PHI", 1_200_000), new FeeLine("PHI", 150_000));
        DossierSubmitted event = (DossierSubmitted) submission.events().getFirst();
        assertThat(submission.events()).hasSize(2);
        assertThat(((DossierFeesPriced) submission.events().get(1)).lines()).containsExactly(
                new PricedFeeLine(FeeStage.INTAKE, "LE_PHI", FeeBasis.DOSSIER, 1, 1_200_000, 1_200_000, null, 1_200_000,
                        false, 3),
                new PricedFeeLine(FeeStage.INTAKE, "PHI", FeeBasis.COPY, 3, 50_000, 50_000, null, 150_000, false, 3));
        assertThat(event.dossier()).isEqualTo(dossier.snapshot());
        assertThat(event.dossier().nationalStatus()).isEqualTo(1);
        assertThat(event.feeTiming()).isEqualTo(FeeStage.INTAKE);
        assertThat(event.totalDue()).isEqualTo(1_350_000);
    }

    @Test
    void receptionBeforeTheCutOffCountsTheWorkingDaysFromThatDay() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.COUNTER, 1);

        List<Event> events = dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));

        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(events).containsExactly(new DossierReceived(dossier.snapshot(), LocalDate.parse("2026-12-01"),
                "officer1", hanoi("2026-11-24T10:00")));
    }

    @Test
    void aProcedureWhoseTextSetsFifteenHundredCountsAReceptionAtHalfPastThreeFromTheNextWorkingDay() {
        Dossier dossier = DossierMother.submittedUnder(DossierMother.liquorLicence("15:00"), DossierMother.district());

        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T15:30"));

        // Counted from Wednesday 25/11: 26, 27, 30/11, 1/12 and 2/12.
        assertThat(dossier.cutOff()).isEqualTo("15:00");
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void withoutACutOffOfItsOwnAProcedureTakesItsAgencysAndThenThePlatformsDefault() {
        Dossier agencyRule = DossierMother.submittedUnder(DossierMother.liquorLicence(), DossierMother.district("15:00"));
        agencyRule.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T15:30"));
        assertThat(agencyRule.dueDate()).isEqualTo(LocalDate.parse("2026-12-02"));

        Dossier platformDefault = DossierMother.submittedUnder(DossierMother.liquorLicence(), DossierMother.district());
        platformDefault.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T15:30"));
        assertThat(platformDefault.cutOff()).isNull();
        assertThat(platformDefault.dueDate()).as("16:30 by default: counted from that Tuesday")
                .isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void theProceduresCutOffWinsOverItsAgencys() {
        Dossier dossier = DossierMother.submittedUnder(DossierMother.liquorLicence("16:00"), DossierMother.district("15:00"));

        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T15:30"));

        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void aSupplementAfterTheProceduresCutOffCountsFromTheNextWorkingDay() {
        Dossier dossier = DossierMother.submittedUnder(DossierMother.liquorLicence("15:00"), DossierMother.district());
        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));
        dossier.assign(OFFICER, "specialist1", hanoi("2026-11-24T11:00"));
        dossier.approve(LEADER, "Đồng ý", hanoi("2026-11-25T09:00"));
        dossier.requestSupplement(SPECIALIST, "Bổ sung", List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-11-26T10:00"));

        dossier.supplement(CITIZEN, null, List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-12-02T15:30"));

        // Before 16:30 but after the procedure's 15:00: as late as 17:00 is with the default.
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-08"));
    }

    @Test
    void aFileTakenBackBeforeReceptionIsInTheHistoryAndNothingElseChanges() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.COUNTER, 1);
        int before = dossier.history().size();

        List<Event> events = dossier.removeDocument(CITIZEN, applicantFile("doc-7", "Đơn", "nham.pdf", hanoi("2026-11-23T09:00")),
                later());

        assertThat(events).isEmpty();
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);
        assertThat(dossier.history()).hasSize(before + 1);
        HistoryEntry entry = dossier.history().getLast();
        assertThat(entry.action()).isEqualTo("REMOVE_DOCUMENT");
        assertThat(entry.actorName()).isEqualTo("citizen1");
        assertThat(entry.reason()).contains("nham.pdf");
        assertThat(dossier.recordsRemovalOf("doc-7")).isTrue();
        assertThat(dossier.recordsRemovalOf("doc-8")).isFalse();
    }

    @Test
    void askedToSupplementOnlyAFileAddedSinceTheRequestCanBeTakenBack() {
        Dossier dossier = DossierMother.at(NationalStatus.SUPPLEMENT_REQUESTED);   // asked at later()
        int before = dossier.history().size();

        assertThatThrownBy(() -> dossier.removeDocument(CITIZEN, applicantFile("doc-1", "Đơn", "don.pdf", later().minusSeconds(60)),
                later().plusSeconds(3600)))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("the agency has seen it");
        assertThat(dossier.history()).hasSize(before);

        dossier.removeDocument(CITIZEN, applicantFile("doc-2", "Bản sao", "sai.pdf", later().plusSeconds(60)),
                later().plusSeconds(3600));
        assertThat(dossier.recordsRemovalOf("doc-2")).isTrue();
        assertThat(dossier.status()).isEqualTo(NationalStatus.SUPPLEMENT_REQUESTED);
    }

    @Test
    void staffTakeBackTheirOwnFilesWhileTheyHoldTheDossierButAKindACountedDecisionNeedsKeepsAFile() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        String received = dossier.documentsReceived().getFirst();
        int before = dossier.history().size();

        // The applicant's files are the agency's evidence once received.
        assertThatThrownBy(() -> dossier.removeDocument(CITIZEN, applicantFile("doc-1", "Ảnh", "anh.jpg", later()), later()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("only its staff take back files of their own");
        // The only file of a kind reception counted stays until the right one is attached.
        assertThatThrownBy(() -> dossier.removeDocument(OFFICER, staffFile("doc-2", received, false), later()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("attach the right file of that kind first");
        assertThat(dossier.allowsRemovalOf(staffFile("doc-2", received, false))).isFalse();
        assertThat(dossier.history()).hasSize(before);

        dossier.removeDocument(OFFICER, staffFile("doc-2", received, true), later());
        dossier.removeDocument(SPECIALIST, staffFile("doc-3", "Kết quả giải quyết", false), later());
        assertThat(dossier.recordsRemovalOf("doc-2")).isTrue();
        assertThat(dossier.recordsRemovalOf("doc-3")).isTrue();
        assertThat(dossier.status()).isEqualTo(NationalStatus.PROCESSING);
        assertThat(dossier.history().getLast().actorName()).isEqualTo(SPECIALIST.name());

        // Once the result is ready, nothing is taken back: the applicant may be reading it.
        dossier.markResultReady(SPECIALIST, later());
        assertThatThrownBy(() -> dossier.removeDocument(SPECIALIST, staffFile("doc-4", "Kết quả giải quyết", false), later()))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void anInternalFileOfACountedKindIsTakenBackAndTheHistoryDoesNotNameIt() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        String received = dossier.documentsReceived().getFirst();
        FileToTakeBack appraisal = new FileToTakeBack("doc-9", received, "tham-dinh-noi-bo.pdf", later(), true, true, false);

        dossier.removeDocument(SPECIALIST, appraisal, later());

        assertThat(dossier.recordsRemovalOf("doc-9")).isTrue();
        assertThat(dossier.history().getLast().reason()).isEqualTo("removed an internal file [doc-9]")
                .doesNotContain("tham-dinh-noi-bo").doesNotContain(received);
    }

    @Test
    void anInternalFileSharedIsNamedInTheHistoryAndTheApplicantIsTold() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        assertThat(dossier.recordsSharingOf("doc-9")).isFalse();

        List<Event> events = dossier.shareDocument(SPECIALIST, "doc-9", "Phiếu thẩm định", "x [doc-1] with the applicant.pdf",
                later());

        assertThat(events).singleElement().isInstanceOfSatisfying(DossierDocumentShared.class, shared -> {
            assertThat(shared.documentId()).isEqualTo("doc-9");
            assertThat(shared.kind()).isEqualTo("Phiếu thẩm định");
            assertThat(shared.dossier().ownerCitizenId()).isEqualTo(dossier.ownerCitizenId());
        });
        assertThat(dossier.recordsSharingOf("doc-9")).isTrue();
        // A file's name cannot pass for another file's record.
        assertThat(dossier.recordsSharingOf("doc-1")).isFalse();
        assertThat(dossier.history().getLast().reason()).isEqualTo(
                "shared \"Phiếu thẩm định\" (x [doc-1] with the applicant.pdf) [doc-9] with the applicant");
    }

    private static FileToTakeBack applicantFile(String id, String kind, String name, Instant uploadedAt) {
        return new FileToTakeBack(id, kind, name, uploadedAt, false, false, false);
    }

    private static FileToTakeBack staffFile(String id, String kind, boolean anotherOfKindStays) {
        return new FileToTakeBack(id, kind, id + ".pdf", later(), true, false, anotherOfKindStays);
    }

    @Test
    void aDraftSentBackLosesItsApprovalAndItsSpecialistIsNamedInTheEvent() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        dossier.approve(LEADER, "Đồng ý", later());

        List<Event> events = dossier.requestRevision(LEADER, "Sửa lại căn cứ pháp lý", later());

        assertThat(events).singleElement().isInstanceOfSatisfying(DossierRevisionRequested.class, revision -> {
            assertThat(revision.assignee()).isEqualTo(dossier.assignee());
            assertThat(revision.reason()).isEqualTo("Sửa lại căn cứ pháp lý");
            assertThat(revision.requestedBy()).isEqualTo(LEADER.name());
        });
        assertThat(dossier.status()).isEqualTo(NationalStatus.PROCESSING);
        assertThat(dossier.history().getLast().reason()).isEqualTo("Sửa lại căn cứ pháp lý");
        assertThat(dossier.revisionReason()).isEqualTo("Sửa lại căn cứ pháp lý");
        assertThatThrownBy(() -> dossier.markResultReady(SPECIALIST, later())).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("a leader has not approved the result yet");
        dossier.approve(LEADER, "Đã sửa", later());
        assertThat(dossier.revisionReason()).isNull();
        dossier.markResultReady(SPECIALIST, later());
        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_READY);
    }

    @Test
    void anApprovalTellsWhoseDraftItIsAndLetsTheResultBeMarkedReady() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        dossier.requestApproval(SPECIALIST, null, later());

        List<Event> events = dossier.approve(LEADER, "Đồng ý, ký ban hành", later());

        assertThat(events).singleElement().isInstanceOfSatisfying(DossierDraftApproved.class, approval -> {
            assertThat(approval.assignee()).isEqualTo(dossier.assignee());
            assertThat(approval.note()).isEqualTo("Đồng ý, ký ban hành");
            assertThat(approval.approvedBy()).isEqualTo(LEADER.name());
            assertThat(approval.dossier().dossierCode()).isEqualTo(dossier.code());
        });
        assertThat(dossier.approvedBy()).isEqualTo(LEADER.name());
        assertThat(dossier.history().getLast().action()).isEqualTo(Action.APPROVE.name());
        dossier.markResultReady(SPECIALIST, later());
        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_READY);
    }

    @Test
    void theStatusAtAMomentIsTheOneItsLastChangeBeforeThenLeft() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);   // received 24/11 10:00, assigned 11:00
        Instant received = dossier.history().stream().filter(entry -> entry.action().equals(Action.RECEIVE.name()))
                .findFirst().orElseThrow().at();

        assertThat(dossier.statusAt(received.minusMillis(1))).isEqualTo(NationalStatus.NEWLY_REGISTERED);
        assertThat(dossier.statusAt(received)).isEqualTo(NationalStatus.RECEIVED);
        assertThat(dossier.statusAt(received.plusSeconds(1800))).isEqualTo(NationalStatus.RECEIVED);
        assertThat(dossier.statusAt(later())).isEqualTo(NationalStatus.PROCESSING);
    }

    @Test
    void aDraftIsSubmittedForApprovalOnceUntilALeaderApprovesItOrSendsItBack() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        dossier.requestRevision(LEADER, "Thiếu căn cứ", later());

        List<Event> events = dossier.requestApproval(SPECIALIST, "Đủ điều kiện cấp phép", later());

        assertThat(events).singleElement().isInstanceOfSatisfying(DossierApprovalRequested.class, request -> {
            assertThat(request.assignee()).isEqualTo(dossier.assignee());
            assertThat(request.note()).isEqualTo("Đủ điều kiện cấp phép");
            assertThat(request.requestedBy()).isEqualTo(SPECIALIST.name());
        });
        assertThat(dossier.status()).isEqualTo(NationalStatus.PROCESSING);
        assertThat(dossier.approvalRequestedAt()).isNotNull();
        assertThat(dossier.history().getLast().action()).isEqualTo(Action.REQUEST_APPROVAL.name());
        assertThatThrownBy(() -> dossier.requestApproval(SPECIALIST, null, later())).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("awaits a leader's decision");

        // Sent back, the revised draft is submitted again; approved, it is not.
        dossier.requestRevision(LEADER, "Sửa lại căn cứ pháp lý", later());
        assertThat(dossier.approvalRequestedAt()).isNull();
        dossier.requestApproval(SPECIALIST, null, later());
        dossier.approve(LEADER, "Đồng ý", later());
        assertThat(dossier.approvalRequestedAt()).isNull();
        // Submitted after the approval, the draft has changed: the approval is withdrawn until a leader gives it again.
        dossier.requestApproval(SPECIALIST, "Đã sửa lỗi chính tả", later());
        assertThat(dossier.approvedBy()).isNull();
        assertThatThrownBy(() -> dossier.markResultReady(SPECIALIST, later())).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("a leader has not approved the result yet");
    }

    @Test
    void receptionWithoutARequiredDocumentIsRefusedNamingIt() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.COUNTER, 1);

        assertThatThrownBy(() -> dossier.receive(OFFICER, List.of(REQUIRED.getFirst()), DEADLINES, later()))
                .isInstanceOf(RequiredDocumentsMissing.class).hasMessageContaining(REQUIRED.get(1));
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);
    }

    @Test
    void aSupplementRequestPausesTheClockAndTheSupplementGivesBackTheWorkingDaysLeft() {
        Dossier dossier = DossierMother.processing();   // due Tuesday 1/12
        // Thursday 26/11: Friday 27, Monday 30 and Tuesday 1/12 are left.
        dossier.requestSupplement(SPECIALIST, "Bản sao chưa chứng thực", List.of(REQUIRED.get(1)), DEADLINES,
                hanoi("2026-11-26T10:00"));
        assertThat(dossier.isPaused()).isTrue();

        // Wednesday 2/12 at 10:00: the three days run from Thursday 3/12, so due Monday 7/12.
        List<Event> events = dossier.supplement(CITIZEN, "Đã nộp bản sao có chứng thực", List.of(REQUIRED.get(1)), DEADLINES,
                hanoi("2026-12-02T10:00"));

        assertThat(dossier.isPaused()).isFalse();
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(dossier.originalDueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(events).containsExactly(new DossierSupplemented(dossier.snapshot(), LocalDate.parse("2026-12-07"),
                hanoi("2026-12-02T10:00")));
    }

    @Test
    void anIncompleteDossierGetsForm02AtReceptionAndComesBackToReceptionWithWhatWasAsked() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.COUNTER, 1);
        List<Event> asked = dossier.requestIntakeSupplement(OFFICER, "Thiếu bản sao giấy chứng nhận",
                List.of(REQUIRED.get(1)), hanoi("2026-11-25T09:00"));

        assertThat(dossier.status()).isEqualTo(NationalStatus.SUPPLEMENT_REQUESTED);
        assertThat(dossier.receivedAt()).as("not received: no deadline runs").isNull();
        assertThat(dossier.dueDate()).isNull();
        assertThat(asked).singleElement().isInstanceOf(DossierSupplementRequested.class);

        assertThatThrownBy(() -> dossier.supplement(CITIZEN, "Đã bổ sung", List.of(REQUIRED.getFirst()), DEADLINES,
                hanoi("2026-11-26T09:00")))
                .isInstanceOfSatisfying(SupplementIncomplete.class, problem -> assertThat(
                        problem.toProblemDetail().getProperties()).containsEntry("missingDocuments", List.of(REQUIRED.get(1))));
        assertThat(dossier.status()).isEqualTo(NationalStatus.SUPPLEMENT_REQUESTED);

        List<Event> supplemented = dossier.supplement(CITIZEN, "Đã bổ sung", List.of(REQUIRED.get(1)), DEADLINES,
                hanoi("2026-11-26T09:00"));
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);
        assertThat(supplemented).containsExactly(new DossierSupplemented(dossier.snapshot(), null, hanoi("2026-11-26T09:00")));

        // Counted from its reception, after the supplement: Friday 27/11 + 10 working days.
        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-27T09:00"));
        assertThat(dossier.dueDate()).isEqualTo(DEADLINES.dueDate(hanoi("2026-11-27T09:00"), dossier.processingDays()));
        assertThat(dossier.history()).extracting(HistoryEntry::action).containsSubsequence("REQUEST_INTAKE_SUPPLEMENT",
                "SUPPLEMENT", "RECEIVE");
    }

    @Test
    void anOnlineDossierWhoseProcedureNeedsPaperOriginalsIsReceivedOnlyOnceTheyWereSeen() {
        Dossier dossier = DossierMother.submittedUnder(DossierMother.buildingPermit(), DossierMother.district());

        assertThatThrownBy(() -> dossier.receive(OFFICER, REQUIRED, DEADLINES, later()))
                .isInstanceOf(PaperOriginalsRequired.class);
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);

        dossier.receive(OFFICER, REQUIRED, true, DEADLINES, later());
        assertThat(dossier.status()).isEqualTo(NationalStatus.RECEIVED);
        assertThat(DossierMother.received().paperOriginalRequired()).as("the liquor licence needs none").isFalse();
    }

    @Test
    void aDossierWhoseProcedureHasTheIntakeFeePaidFirstIsReceivedOnlyOnceItIsPaid() {
        Dossier dossier = DossierMother.submittedUnder(DossierMother.liquorLicencePaidFirst(), DossierMother.district());
        assertThat(dossier.awaitsIntakeFee()).isTrue();

        assertThatThrownBy(() -> dossier.receive(OFFICER, REQUIRED, DEADLINES, later())).isInstanceOf(IntakeFeeUnpaid.class);
        assertThat(dossier.status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);

        assertThat(dossier.intakeFeePaid()).isEmpty();
        assertThat(dossier.awaitsIntakeFee()).isFalse();
        dossier.receive(OFFICER, REQUIRED, DEADLINES, later());
        assertThat(dossier.status()).isEqualTo(NationalStatus.RECEIVED);
        assertThat(DossierMother.submittedUnder(DossierMother.liquorLicence(), DossierMother.district()).awaitsIntakeFee())
                .as("reception does not wait unless the procedure says so").isFalse();
    }

    @Test
    void aSupplementDuringProcessingMustBringWhatForm02Asked() {
        Dossier dossier = DossierMother.processing();
        dossier.requestSupplement(SPECIALIST, "Bổ sung", List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-11-26T10:00"));

        assertThatThrownBy(() -> dossier.supplement(CITIZEN, null, List.of(), DEADLINES, hanoi("2026-12-02T10:00")))
                .isInstanceOf(SupplementIncomplete.class).hasMessageContaining(REQUIRED.get(1));
        assertThat(dossier.isPaused()).isTrue();
    }

    @Test
    void aSupplementAfterTheCutOffCountsFromTheNextWorkingDay() {
        Dossier dossier = DossierMother.processing();
        dossier.requestSupplement(SPECIALIST, "Bổ sung", List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-11-26T10:00"));

        dossier.supplement(CITIZEN, null, List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-12-02T17:00"));

        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-08"));
    }

    @Test
    void aPaidFinancialObligationResumesTheClockLikeASupplement() {
        Dossier dossier = DossierMother.processing();
        dossier.requestFinancialObligation(SPECIALIST, 500_000, "Lệ phí trước bạ", DEADLINES, hanoi("2026-11-26T10:00"));
        assertThat(dossier.obligationAmount()).isEqualTo(500_000);

        dossier.meetFinancialObligation(Actor.ofEvent("payment-service", "e1"), "PAY-1", DEADLINES,
                hanoi("2026-12-02T10:00"));

        assertThat(dossier.status()).isEqualTo(NationalStatus.PROCESSING);
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void aDelayMovesTheDueDateToALaterWorkingDayOnly() {
        Dossier dossier = DossierMother.processing();

        assertThatThrownBy(() -> dossier.extendDueDate(OFFICER, LocalDate.parse("2026-11-30"), "x", DEADLINES, later()))
                .isInstanceOf(InvalidDueDate.class);
        assertThatThrownBy(() -> dossier.extendDueDate(OFFICER, LocalDate.parse("2026-12-05"), "x", DEADLINES, later()))
                .isInstanceOf(InvalidDueDate.class).hasMessageContaining("not a working day");
        List<Event> events = dossier.extendDueDate(OFFICER, LocalDate.parse("2026-12-04"), "Cần xác minh thực địa",
                DEADLINES, later());

        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(dossier.delays()).hasSize(1);
        assertThat(events).containsExactly(new DossierDueDateExtended(dossier.snapshot(), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-04"), "Cần xác minh thực địa", later()));
    }

    @Test
    void aDossierGetsOneNewDateOnlyAndASecondIsRefusedChangingNothing() {
        Dossier dossier = DossierMother.processing();   // due Tuesday 1/12
        dossier.extendDueDate(OFFICER, LocalDate.parse("2026-12-04"), "Cần xác minh thực địa", DEADLINES, later());

        assertThatThrownBy(() -> dossier.extendDueDate(OFFICER, LocalDate.parse("2026-12-11"), "Lần nữa", DEADLINES,
                hanoi("2026-11-30T10:00")))
                .isInstanceOf(ReappointmentRefused.class).hasMessageContaining("already set 1 time");
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(dossier.delays()).hasSize(1);
    }

    @Test
    void theApologyWithANewDateIsSentAtTheLatestTheDayBeforeTheDueDate() {
        Dossier onTheDueDate = DossierMother.processing();   // due Tuesday 1/12
        assertThatThrownBy(() -> onTheDueDate.extendDueDate(OFFICER, LocalDate.parse("2026-12-04"), "Muộn", DEADLINES,
                hanoi("2026-12-01T08:00")))
                .isInstanceOf(ReappointmentRefused.class).hasMessageContaining("by 2026-11-30");
        assertThat(onTheDueDate.dueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(onTheDueDate.delays()).isEmpty();

        Dossier theDayBefore = DossierMother.processing();
        theDayBefore.extendDueDate(OFFICER, LocalDate.parse("2026-12-04"), "Cần xác minh", DEADLINES,
                hanoi("2026-11-30T16:00"));
        assertThat(theDayBefore.dueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void lateIsJudgedAgainstTheLawsDueDateWhichPausesMoveButANewDateDoesNot() {
        Dossier dossier = DossierMother.processing();   // due Tuesday 1/12
        dossier.extendDueDate(OFFICER, LocalDate.parse("2026-12-04"), "Cần xác minh thực địa", DEADLINES, later());
        assertThat(dossier.dueDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(dossier.dueDateByLaw()).as("the apology excuses nothing").isEqualTo(LocalDate.parse("2026-12-01"));

        // Paused on Friday 27/11 with Monday 30/11 and Tuesday 1/12 left by law (and 30/11 to 4/12 by the new date).
        dossier.requestSupplement(SPECIALIST, "Bổ sung", List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-11-27T10:00"));
        dossier.supplement(CITIZEN, null, List.of(REQUIRED.get(1)), DEADLINES, hanoi("2026-12-02T10:00"));

        assertThat(dossier.dueDateByLaw()).as("the law's clock stopped while the citizen supplemented")
                .isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(dossier.dueDate()).isAfter(dossier.dueDateByLaw());
    }

    @Test
    void aDossierPassedToAnotherSpecialistKeepsItsDeadlineAndDraftAndNamesBoth() {
        Dossier dossier = DossierMother.at(NationalStatus.PROCESSING);
        dossier.requestApproval(SPECIALIST, null, later());
        LocalDate due = dossier.dueDate();

        List<Event> events = dossier.assign(LEADER, "specialist2", later());

        assertThat(events).singleElement().isInstanceOfSatisfying(DossierReassigned.class, reassigned -> {
            assertThat(reassigned.previousAssignee()).isEqualTo("specialist1");
            assertThat(reassigned.assignee()).isEqualTo("specialist2");
            assertThat(reassigned.reassignedBy()).isEqualTo(LEADER.name());
        });
        assertThat(dossier.assignee()).isEqualTo("specialist2");
        assertThat(dossier.dueDate()).isEqualTo(due);
        assertThat(dossier.approvalRequestedAt()).as("the draft awaits its decision still").isNotNull();
        assertThat(dossier.assign(OFFICER, "specialist2", later())).as("assigned again to the same one: nothing new").isEmpty();
    }

    @Test
    void aPausedDossierPassedToAnotherSpecialistStaysPausedWithItsClockStopped() {
        Dossier dossier = DossierMother.at(NationalStatus.SUPPLEMENT_REQUESTED);
        LocalDate due = dossier.dueDate();

        List<Event> events = dossier.assign(OFFICER, "specialist2", later());

        assertThat(dossier.status()).isEqualTo(NationalStatus.SUPPLEMENT_REQUESTED);
        assertThat(dossier.isPaused()).isTrue();
        assertThat(dossier.dueDate()).isEqualTo(due);
        assertThat(dossier.assignee()).isEqualTo("specialist2");
        assertThat(events).singleElement().isInstanceOfSatisfying(DossierReassigned.class,
                reassigned -> assertThat(reassigned.dossier().nationalStatus()).isEqualTo(5));
        dossier.supplement(CITIZEN, null, REQUIRED, DEADLINES, later());
        assertThat(dossier.status()).as("back in processing with the new specialist").isEqualTo(NationalStatus.PROCESSING);
        assertThat(dossier.assignee()).isEqualTo("specialist2");
    }

    @Test
    void aDossierAwaitingPapersBeforeReceptionIsNotAssigned() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.COUNTER, 1);
        dossier.requestIntakeSupplement(OFFICER, "Thiếu đơn", List.of("Đơn"), later());

        assertThatThrownBy(() -> dossier.assign(OFFICER, "specialist1", later()))
                .isInstanceOfSatisfying(IllegalTransition.class, problem -> assertThat(problem.toProblemDetail().getDetail())
                        .contains("before reception"));
        assertThat(dossier.assignee()).isNull();
        assertThat(dossier.status()).isEqualTo(NationalStatus.SUPPLEMENT_REQUESTED);
    }

    @Test
    void theResultNeedsASpecialistAndALeadersApproval() {
        Dossier received = DossierMother.received();
        assertThatThrownBy(() -> received.approve(LEADER, "ok", later())).isInstanceOf(IllegalTransition.class);

        Dossier assigned = DossierMother.received();
        assigned.assign(OFFICER, "specialist1", later());
        assertThatThrownBy(() -> assigned.markResultReady(SPECIALIST, later()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("not approved");
    }

    @Test
    void aResultGoingByPostIsReturnedOnlyByTheDeliveryConfirmation() {
        Dossier dossier = DossierMother.submitted(ResultDelivery.POST, 1);
        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));
        dossier.assign(OFFICER, "specialist1", later());
        dossier.approve(LEADER, "ok", later());
        dossier.markResultReady(SPECIALIST, later());

        assertThatThrownBy(() -> dossier.returnResult(OFFICER, ResultDelivery.COUNTER, later()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("by post");
        dossier.returnResult(Actor.ofEvent("postal-service", "RET-1"), ResultDelivery.POST, later());

        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_RETURNED);
        assertThat(dossier.returnedVia()).isEqualTo("POST");
    }

    @Test
    void anOnlineResultWhoseFeeFallsDueAtTheResultIsReleasedAndSoReturnedOnceItIsPaid() {
        Dossier dossier = DossierMother.readyOnline(DossierMother.liquorLicenceFeeAtResult());
        assertThat(dossier.awaitsResultFee()).isTrue();
        assertThat(dossier.releasesResultCopy()).isFalse();
        assertThat(dossier.holdsResultCopyForItsFee("copy-1")).isTrue();
        assertThat(dossier.holdsResultCopyForItsFee("another-file")).isFalse();
        assertThatThrownBy(() -> dossier.returnResult(OFFICER, ResultDelivery.ONLINE, later()))
                .isInstanceOf(ResultFeeUnpaid.class);
        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_READY);

        Instant paidAt = later();
        assertThat(dossier.resultFeePaid(paidAt)).singleElement()
                .isInstanceOfSatisfying(DossierReturned.class, returned -> {
                    assertThat(returned.returnedVia()).isEqualTo("ONLINE");
                    assertThat(returned.returnedAt()).isEqualTo(paidAt);
                    assertThat(returned.dossier().nationalStatus()).isEqualTo(10);
                });

        assertThat(dossier.status()).as("released to the applicant's account: returned").isEqualTo(NationalStatus.RESULT_RETURNED);
        assertThat(dossier.returnedVia()).isEqualTo("ONLINE");
        assertThat(dossier.history().getLast().actorId()).isEqualTo(Actor.SYSTEM.id());
        assertThat(dossier.awaitsResultFee()).isFalse();
        assertThat(dossier.releasesResultCopy()).isTrue();
        assertThat(dossier.holdsResultCopyForItsFee("copy-1")).isFalse();
        assertThatThrownBy(() -> dossier.returnResult(OFFICER, ResultDelivery.ONLINE, later()))
                .as("nothing left for the officer to hand over").isInstanceOf(IllegalTransition.class);
    }

    @Test
    void anOnlineResultWithNothingToPayIsReturnedTheMomentItIsReady() {
        Dossier dossier = DossierMother.approvedOnline(DossierMother.liquorLicence());
        Instant ready = later();

        assertThat(dossier.markResultReady(SPECIALIST, "copy-1", ready)).satisfiesExactly(
                first -> assertThat(first).isInstanceOfSatisfying(DossierResultReady.class,
                        event -> assertThat(event.dossier().nationalStatus()).isEqualTo(9)),
                second -> assertThat(second).isInstanceOfSatisfying(DossierReturned.class,
                        event -> assertThat(event.returnedVia()).isEqualTo("ONLINE")));

        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_RETURNED);
        assertThat(dossier.resolvedAt()).isEqualTo(ready);
        assertThat(dossier.history()).extracting(HistoryEntry::to).endsWith(9, 10);
        assertThat(dossier.resultFeePaid(later())).as("a late payment event returns nothing twice").isEmpty();
    }

    @Test
    void aResultAtTheCounterOrByPostWaitsForItsHandOverWhenReady() {
        for (ResultDelivery delivery : List.of(ResultDelivery.COUNTER, ResultDelivery.POST)) {
            Dossier dossier = DossierMother.submitted(delivery, 1);
            dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));
            dossier.assign(OFFICER, "specialist1", later());
            dossier.approve(LEADER, "ok", later());
            assertThat(dossier.markResultReady(SPECIALIST, "copy-1", later())).singleElement().isInstanceOf(DossierResultReady.class);
            assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_READY);
        }
    }

    @Test
    void theResultReadyEventSaysWhatIsStillToPayAtTheResult() {
        Procedure feeAtResult = DossierMother.liquorLicenceFeeAtResult();
        long atResult = feeAtResult.price(true, 1, null, null).stream().filter(line -> line.stage() == FeeStage.RESULT)
                .mapToLong(PricedFeeLine::amount).sum();
        Dossier unpaid = DossierMother.approvedOnline(feeAtResult);
        Dossier paidBefore = DossierMother.approvedOnline(feeAtResult);
        paidBefore.resultFeePaid(later());

        assertThat(atResult).isPositive();
        assertThat(unpaid.markResultReady(SPECIALIST, "copy-1", later())).singleElement()
                .isInstanceOfSatisfying(DossierResultReady.class, ready -> assertThat(ready.feesStillDue()).isEqualTo(atResult));
        assertThat(paidBefore.markResultReady(SPECIALIST, "copy-1", later())).first()
                .isInstanceOfSatisfying(DossierResultReady.class, ready -> assertThat(ready.feesStillDue()).isZero());
        assertThat(DossierMother.approvedOnline(DossierMother.liquorLicence()).markResultReady(SPECIALIST, "copy-1", later()))
                .first().isInstanceOfSatisfying(DossierResultReady.class, ready -> assertThat(ready.feesStillDue()).isZero());
    }

    @Test
    void anOnlineResultStillUnpaidIsHandedOverAtTheCounterWhereItsFeeIsPaid() {
        Dossier dossier = DossierMother.readyOnline(DossierMother.liquorLicenceFeeAtResult());

        dossier.returnResult(OFFICER, ResultDelivery.COUNTER, later());

        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_RETURNED);
        assertThat(dossier.returnedVia()).isEqualTo("COUNTER");
        assertThat(dossier.releasesResultCopy()).as("handed over: the fee was collected there").isTrue();
    }

    @Test
    void anOnlineResultWhoseFeesWereAllPaidAtIntakeIsReadOnceReady() {
        Dossier dossier = DossierMother.readyOnline(DossierMother.liquorLicence());

        assertThat(dossier.awaitsResultFee()).isFalse();
        assertThat(dossier.releasesResultCopy()).isTrue();
    }

    @Test
    void aResultAskedForAtTheCounterIsNotRecordedAsHandedOverOnline() {
        Dossier dossier = DossierMother.at(NationalStatus.RESULT_READY);

        assertThatThrownBy(() -> dossier.returnResult(OFFICER, ResultDelivery.ONLINE, later()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("at the counter");
        assertThat(dossier.status()).isEqualTo(NationalStatus.RESULT_READY);
    }

    @Test
    void theDeadlineWatchFlagsAtRiskThenOverdueOncePerDueDate() {
        Dossier dossier = DossierMother.processing();   // due Tuesday 1/12

        assertThat(dossier.watchDeadline(DEADLINES, hanoi("2026-11-25T08:00"))).isEmpty();
        assertThat(dossier.watchDeadline(DEADLINES, hanoi("2026-11-27T08:00"))).hasSize(1);
        assertThat(dossier.deadlineFlag()).isEqualTo(DeadlineFlag.AT_RISK);
        assertThat(dossier.watchDeadline(DEADLINES, hanoi("2026-11-30T08:00"))).as("already flagged").isEmpty();
        List<Event> overdue = dossier.watchDeadline(DEADLINES, hanoi("2026-12-02T08:00"));
        assertThat(overdue).containsExactly(new DossierOverdue(dossier.snapshot(), LocalDate.parse("2026-12-01"),
                hanoi("2026-12-02T08:00")));
        assertThat(dossier.watchDeadline(DEADLINES, hanoi("2026-12-03T08:00"))).isEmpty();
    }

    @Test
    void theHistoryIsAChainThatShowsTheFirstAlteredEntry() {
        Dossier dossier = DossierMother.at(NationalStatus.RESULT_RETURNED);
        List<HistoryEntry> history = dossier.history();
        assertThat(history).extracting(HistoryEntry::seq).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(HistoryVerification.of(dossier.code(), history).intact()).isTrue();

        List<HistoryEntry> altered = new ArrayList<>(history);
        HistoryEntry third = altered.get(2);
        altered.set(2, new HistoryEntry(third.seq(), third.at(), third.actorId(), "someone else", third.role(),
                third.action(), third.from(), third.to(), third.reason(), third.previousHash(), third.hash()));
        HistoryVerification verification = HistoryVerification.of(dossier.code(), altered);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(3);
        List<HistoryEntry> cut = new ArrayList<>(history);
        cut.remove(3);
        assertThat(HistoryVerification.of(dossier.code(), cut).firstBrokenEntry()).isEqualTo(4);
    }

    private static List<Action> legalFrom(NationalStatus status) {
        return Arrays.stream(Action.values()).filter(action -> action.allowedFrom(status)).toList();
    }
}
