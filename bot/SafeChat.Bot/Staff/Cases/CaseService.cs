using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff.Cases;

/// <summary>
/// Everything staff do with a case. Each method loads, checks, changes and audits in one save; the pages and
/// the JSON API both call these, so the rules hold whichever way staff work.
/// </summary>
public sealed class CaseService(
    SafeChatDbFactory databases, AuditTrail audit, ContactProtector protector, ContentCatalog content,
    MessageDelivery delivery, Privacy.Erasure erasure, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CaseView?> ViewAsync(long id, StaffMember who, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellation);
        if (report is null) return null;
        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Id).ToListAsync(cancellation);
        var claimedBy = report.ClaimedBy is { } staffId
            ? await db.StaffUsers.Where(u => u.Id == staffId).Select(u => u.Email).SingleOrDefaultAsync(cancellation)
            : null;
        audit.Record(db, who.Id, AuditActions.ViewedReport, id);
        await db.SaveChangesAsync(cancellation);

        var phone = report.ContactPhoneProtected is { } p && report.Status != ReportStatuses.Closed ? protector.Unprotect(p) : null;
        var whyNot = WhyNotClose(report, entries);
        return new CaseView(report, entries, phone, claimedBy, report.DeadlineAt < Now && report.Status != ReportStatuses.Closed, whyNot is null, whyNot,
            await DeliveryProblemsAsync(db, report.ReplyConversationId, cancellation));
    }

    /// <summary>Messages to the reporter that Twilio refused or could not deliver, so staff know the reply did not arrive.</summary>
    private static async Task<IReadOnlyList<string>> DeliveryProblemsAsync(SafeChatDb db, string? conversationId, CancellationToken cancellation)
    {
        if (conversationId is null) return [];
        var failed = await db.Outbox.AsNoTracking()
            .Where(o => o.ConversationId == conversationId && (o.Status == OutboxStatuses.Failed || o.DeliveryStatus == "undelivered" || o.DeliveryStatus == "failed"))
            .OrderBy(o => o.Id).Select(o => new { o.CreatedAt, o.ErrorCode }).ToListAsync(cancellation);
        return failed.Select(f => $"Bericht van {Format.Local(f.CreatedAt)} niet afgeleverd (Twilio-fout {f.ErrorCode?.ToString() ?? "onbekend"}).").ToList();
    }

    public Task ClaimAsync(long id, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.Claimed, null, (report, _) =>
        {
            if (report.ClaimedBy is { } holder && holder != who.Id)
                throw new CaseActionRefused("Deze zaak is al van iemand anders. Een supervisor kan hem overdragen.");
            report.ClaimedBy = who.Id;
            if (report.Status == ReportStatuses.New) report.Status = ReportStatuses.InProgress;
            return Task.CompletedTask;
        }, cancellation);

    public Task ReassignAsync(long id, long toStaffId, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.Reassigned, $"to staff {toStaffId}", async (report, db) =>
        {
            if (!who.IsSupervisor) throw new CaseActionRefused("Alleen supervisors kunnen zaken overdragen.");
            if (!await db.StaffUsers.AnyAsync(u => u.Id == toStaffId, cancellation)) throw new CaseActionRefused("Die medewerker bestaat niet.");
            report.ClaimedBy = toStaffId;
            if (report.Status == ReportStatuses.New) report.Status = ReportStatuses.InProgress;
        }, cancellation);

    public Task AddNoteAsync(long id, string text, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.AddedNote, null, (report, db) =>
        {
            Entry(db, report, CaseEntryKinds.Note, TextScrubber.Scrub(Required(text)), who);
            return Task.CompletedTask;
        }, cancellation);

    /// <summary>
    /// A reply to the reporter: into their conversation when they asked for a reply in the chat, and always
    /// readable through "status CODE".
    /// </summary>
    public Task ReplyAsync(long id, string text, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.Replied, null, async (report, db) =>
        {
            var reply = TextScrubber.Scrub(Required(text));
            Entry(db, report, CaseEntryKinds.StaffReply, reply, who);
            report.Status = ReportStatuses.Replied;
            report.FirstReplyAt ??= Now;
            if (report.ReplyConversationId is { } conversation && await MessageDelivery.TargetAsync(db, conversation, cancellation) is { } target)
            {
                var message = new Activity
                {
                    Type = ActivityTypes.Message,
                    Locale = report.Language,
                    From = ConversationStore.Bot,
                    Text = content.Text(report.Language, "status.reply-in-chat", new Dictionary<string, string> { ["code"] = report.Code, ["reply"] = reply }),
                };
                await delivery.AddAsync(db, target, [message], Now, cancellation);
            }
        }, cancellation, afterSave: report =>
        {
            if (report.ReplyConversationId is { } c) delivery.Delivered(c);
        });

    /// <summary>For a reporter who asked to be called: the call happened, or could not be made.</summary>
    public Task RecordCallAsync(long id, bool reached, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.RecordedCallAttempt, reached ? "reached" : "not reached", (report, db) =>
        {
            Entry(db, report, reached ? CaseEntryKinds.StaffReply : CaseEntryKinds.ReplyFailed,
                reached ? "Telefonisch contact gehad." : "Gebeld, niet bereikt.", who);
            if (reached) { report.Status = ReportStatuses.Replied; report.FirstReplyAt ??= Now; }
            return Task.CompletedTask;
        }, cancellation);

    public Task HandOverAsync(long id, string organisation, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.HandedOver, organisation, (report, db) =>
        {
            if (!CaseOutcomes.HandoverTo.Contains(organisation)) throw new CaseActionRefused("Kies Slachtofferhulp, CSG of Veilig Thuis.");
            if (!report.HandoverConsent) throw new CaseActionRefused("De melder gaf geen toestemming voor een warme overdracht.");
            Entry(db, report, CaseEntryKinds.Handover, $"Warme overdracht aan {content.Directory[organisation].NameIn("nl")} met de door de melder goedgekeurde samenvatting.", who);
            return Task.CompletedTask;
        }, cancellation);

    /// <summary>The same erasure a reporter can ask for, run by a supervisor for a case.</summary>
    public async Task EraseAsync(long id, StaffMember who, CancellationToken cancellation = default)
    {
        string? conversation = null;
        await ChangeAsync(id, who, AuditActions.Erased, null, async (report, db) =>
        {
            if (!who.IsSupervisor) throw new CaseActionRefused("Alleen supervisors kunnen gegevens wissen.");
            conversation = report.ReplyConversationId;
            await erasure.EraseForCaseAsync(db, report, cancellation);
            Entry(db, report, CaseEntryKinds.Withdrawn, "Contactgegevens en gesprek gewist door een supervisor.", who);
        }, cancellation);
        // What any instance still holds of the conversation in memory goes as well (a change none of them recorded).
        if (conversation is not null) delivery.Delivered(conversation, wakeSender: false);
    }

    public Task CloseAsync(long id, string? outcome, string? text, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.Closed, outcome, async (report, db) =>
        {
            if (outcome is null || !CaseOutcomes.All.ContainsKey(outcome)) throw new CaseActionRefused("Kies een uitkomst om de zaak te sluiten.");
            var entries = await db.CaseEntries.Where(e => e.ReportId == report.Id).ToListAsync(cancellation);
            if (WhyNotClose(report, entries) is { } reason) throw new CaseActionRefused(reason);
            report.Status = ReportStatuses.Closed;
            report.Outcome = outcome;
            report.OutcomeText = TextScrubber.Scrub(Required(text));
            report.ClosedAt = Now;
            report.ContactPhoneProtected = null; // contact details go when the case is closed
            report.CallWindow = null;
        }, cancellation);

    private static string? WhyNotClose(ReportRecord report, IReadOnlyCollection<CaseEntryRecord> entries)
    {
        if (report.Status == ReportStatuses.Closed) return "Deze zaak is al gesloten.";
        var answered = entries.Any(e => e.Kind is CaseEntryKinds.StaffReply or CaseEntryKinds.ReplyFailed);
        return report.FollowUp != nameof(FollowUp.None) && !answered
            ? "De melder wil iets terug horen: stuur eerst een antwoord of leg een mislukte poging vast."
            : null;
    }

    private async Task ChangeAsync(long id, StaffMember who, string action, string? detail, Func<ReportRecord, SafeChatDb, Task> change,
        CancellationToken cancellation, Action<ReportRecord>? afterSave = null)
    {
        await using var db = databases.Create();
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id, cancellation) ?? throw new CaseNotFound();
        if (report.Status == ReportStatuses.Closed && action != AuditActions.AddedNote) throw new CaseActionRefused("Deze zaak is gesloten.");
        // The claim is a lock: only its holder acts on a claimed case. A supervisor may take it over, and that is audited.
        if (action is not (AuditActions.Claimed or AuditActions.Reassigned) && report.ClaimedBy is { } holder && holder != who.Id)
        {
            if (!who.IsSupervisor) throw new CaseActionRefused("Deze zaak is van een collega. Vraag een supervisor om hem over te dragen.");
            report.ClaimedBy = who.Id;
            audit.Record(db, who.Id, AuditActions.TookOver, id, $"from staff {holder}");
        }
        await change(report, db);
        report.Version++;
        audit.Record(db, who.Id, action, id, detail);
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new CaseActionRefused("Iemand anders wijzigde deze zaak net. Laad de pagina opnieuw.");
        }
        afterSave?.Invoke(report);
    }

    private void Entry(SafeChatDb db, ReportRecord report, string kind, string text, StaffMember who) =>
        db.CaseEntries.Add(new CaseEntryRecord { ReportId = report.Id, Kind = kind, Text = text, StaffId = who.Id, CreatedAt = Now });

    private static string Required(string? text) =>
        string.IsNullOrWhiteSpace(text) ? throw new CaseActionRefused("Vul een tekst in.") : text.Trim();
}
