using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Live;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Live;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff.Live;

/// <summary>
/// The team's side of live chats: the inbox, claiming (one holder; a supervisor may take over), messages both ways,
/// closing. Every open, claim, message and close is audited. Joining and ending go into the conversation as events, so
/// the person hears them from the bot on their own channel; messages go through the one delivery path.
/// </summary>
public sealed class LiveService(SafeChatDbFactory databases, AuditTrail audit, MessageDelivery delivery, ConversationStore conversations,
    SafeChat.Bot.Live.LiveTyping typing, ReportWriter reports, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record LiveItem(long Id, string Status, DateTime WaitingSince, bool Danger, long? HeldBy, string? HeldByName, string Channel,
        bool Escalated, string Language);

    public sealed record LiveMessage(long Seq, string From, string? Text, DateTime At);

    /// <summary>Waiting (danger first, then longest waiting) and active chats.</summary>
    public async Task<IReadOnlyList<LiveItem>> ListAsync(CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var open = await (from l in db.LiveChats.AsNoTracking()
                          where l.Status != LiveChatStatuses.Closed
                          join c in db.Conversations.AsNoTracking() on l.ConversationId equals c.Id
                          select new { l.Id, l.Status, l.RequestedAt, l.Danger, l.HeldBy, l.HeldByName, c.Channel, Escalated = l.EscalatedAt != null, l.Summary })
            .ToListAsync(cancellation);
        return [.. open.Select(l => new LiveItem(l.Id, l.Status, l.RequestedAt, l.Danger, l.HeldBy, l.HeldByName, l.Channel, l.Escalated,
                LiveSummary.Parse(l.Summary).Language))
            .OrderBy(l => l.Status == LiveChatStatuses.Waiting ? 0 : 1).ThenByDescending(l => l.Danger).ThenBy(l => l.WaitingSince)];
    }

    /// <summary>How many people wait for the team now: the count in the staff menu.</summary>
    public async Task<int> WaitingCountAsync(CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        return await db.LiveChats.AsNoTracking().CountAsync(l => l.Status == LiveChatStatuses.Waiting, cancellation);
    }

    public async Task<LiveChatRecord?> FindAsync(long id, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        return await db.LiveChats.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellation);
    }

    /// <summary>Takes a waiting chat; a supervisor may also take one another member holds (audited as a take-over).</summary>
    public async Task ClaimAsync(long id, StaffMember who, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var live = await OpenAsync(db, id, cancellation);
        var takeOver = live.Status == LiveChatStatuses.Active && live.HeldBy != who.Id;
        if (takeOver && !who.IsSupervisor) throw new StaffActionRefused("Iemand anders voert dit gesprek al. Een supervisor kan het overnemen.");
        if (live.HeldBy == who.Id) return;
        var version = live.HeldBy;
        // The guard on the holder makes a race between two claims end with one holder.
        var won = await db.LiveChats.Where(l => l.Id == id && l.HeldBy == version && l.Status != LiveChatStatuses.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LiveChatStatuses.Active).SetProperty(l => l.HeldBy, who.Id)
                .SetProperty(l => l.HeldByName, FirstName(who.Email)).SetProperty(l => l.ClaimedAt, l => l.ClaimedAt ?? Now), cancellation);
        if (won == 0) throw new StaffActionRefused("Iemand anders was je net voor.");
        audit.Record(db, who.Id, takeOver ? AuditActions.TookOverLiveChat : AuditActions.ClaimedLiveChat, null, $"live {id}");
        await ConversationStore.AddEventAsync(db, live.ConversationId, LiveEvents.Joined, FirstName(who.Email), Now, cancellation);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        conversations.QueueTurn(live.ConversationId);
    }

    public async Task SendAsync(long id, string text, StaffMember who, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new StaffActionRefused("Typ eerst een bericht.");
        if (text.Length > 2000) throw new StaffActionRefused("Een bericht is hoogstens 2000 tekens.");
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var live = await HeldAsync(db, id, who, cancellation);
        var target = await MessageDelivery.TargetAsync(db, live.ConversationId, cancellation) ?? throw new LiveChatNotFound();
        // Better a refusal the team member sees than a message in the transcript that never reaches the person.
        if (delivery.Unreachable(target) is { } reason) throw new StaffActionRefused(reason);
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = TeamMember, Name = live.HeldByName, Role = "bot" },
            Text = text.Trim(),
        };
        await delivery.AddAsync(db, target, [message], Now, cancellation);
        audit.Record(db, who.Id, AuditActions.SentLiveMessage, null, $"live {id}");
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        delivery.Delivered(live.ConversationId);
    }

    /// <summary>The conversation from the person's request on: what the person, the bot and the team wrote.</summary>
    /// <param name="audited">False for the push stream's later reads: its opening was audited already.</param>
    public async Task<IReadOnlyList<LiveMessage>> MessagesAsync(long id, long after, StaffMember who, CancellationToken cancellation = default, bool audited = true)
    {
        await using var db = databases.Create();
        var live = await db.LiveChats.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellation) ?? throw new LiveChatNotFound();
        var from = Math.Max(after, live.StartSeq);
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == live.ConversationId && a.Seq > from && a.VisibleToClient && a.Type == ActivityTypes.Message)
            .OrderBy(a => a.Seq).Select(a => new { a.Seq, a.FromUser, a.Json, a.CreatedAt }).ToListAsync(cancellation);
        if (audited)
        {
            audit.Record(db, who.Id, AuditActions.ViewedLiveChat, null, $"live {id}");
            await db.SaveChangesAsync(cancellation);
        }
        return [.. rows.Select(r =>
        {
            var activity = ActivityJson.Deserialize(r.Json);
            var sender = r.FromUser ? "person" : activity.From?.Id == TeamMember ? "staff" : "bot";
            return new LiveMessage(r.Seq, sender, activity.Text, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc));
        })];
    }

    /// <summary>Ends the chat; the bot takes over again and tells the person.</summary>
    public async Task CloseAsync(long id, string? outcome, StaffMember who, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var live = await db.LiveChats.SingleOrDefaultAsync(l => l.Id == id, cancellation) ?? throw new LiveChatNotFound();
        if (live.Status == LiveChatStatuses.Closed) return;
        if (live.HeldBy is { } holder && holder != who.Id && !who.IsSupervisor)
            throw new StaffActionRefused("Alleen wie het gesprek voert (of een supervisor) kan het afsluiten.");
        live.Status = LiveChatStatuses.Closed;
        live.ClosedAt = Now;
        live.Outcome = string.IsNullOrWhiteSpace(outcome) ? "ended" : outcome.Trim()[..Math.Min(64, outcome.Trim().Length)];
        audit.Record(db, who.Id, AuditActions.ClosedLiveChat, null, $"live {id}: {live.Outcome}");
        await ConversationStore.AddEventAsync(db, live.ConversationId, LiveEvents.Ended, live.HeldByName ?? FirstName(who.Email), Now, cancellation);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        conversations.QueueTurn(live.ConversationId);
    }

    public sealed record MadeReport(long ReportId, string Code);

    /// <summary>
    /// A report (case) from the live chat, only with the person's consent and only by whoever holds the chat: prefilled
    /// from the bot's summary, stored by the same <see cref="ReportWriter"/> as a report the person sends through the bot,
    /// once per live chat, audited with the new case.
    /// </summary>
    public async Task<MadeReport> ReportAsync(long id, bool consent, string? description, StaffMember who, CancellationToken cancellation = default)
    {
        if (!consent) throw new StaffActionRefused("Maak alleen een melding als de persoon daarmee instemt.");
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var live = await HeldAsync(db, id, who, cancellation);
        var detail = $"live {id}";
        if (await db.Audit.AsNoTracking().Where(a => a.Action == AuditActions.ReportedFromLiveChat && a.Detail == detail)
                .Select(a => a.ReportId).FirstOrDefaultAsync(cancellation) is { } earlier)
            throw new StaffActionRefused($"Van dit gesprek is al een melding gemaakt (zaak {earlier}).");
        var code = ReportCode.New();
        var text = string.IsNullOrWhiteSpace(description) ? null : TextScrubber.Scrub(description.Trim()[..Math.Min(2000, description.Trim().Length)]);
        await reports.ApplyAsync(db, LiveSummary.Parse(live.Summary).ToReport(code, live.Danger, text), live.ConversationId, Now, cancellation);
        await db.SaveChangesAsync(cancellation);
        var reportId = await db.Reports.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(cancellation);
        audit.Record(db, who.Id, AuditActions.ReportedFromLiveChat, reportId, detail);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new MadeReport(reportId, code);
    }

    /// <summary>Stands for a team member as the sender of a live message (their name goes with it, never an id).</summary>
    public const string TeamMember = SafeChat.Bot.Live.LiveTyping.TeamMember;

    /// <summary>The holder is typing: Web Chat shows it to the person.</summary>
    public async Task TypingAsync(long id, StaffMember who, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var live = await HeldAsync(db, id, who, cancellation);
        await typing.StaffTypingAsync(live.ConversationId, live.HeldByName, cancellation);
    }

    /// <summary>The log position of the person's latest "is typing" after <paramref name="after"/>, if any.</summary>
    public async Task<long?> PersonTypedAfterAsync(string conversationId, long after, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        return await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Seq > after && a.Type == ActivityTypes.Typing && !a.VisibleToClient)
            .OrderByDescending(a => a.Seq).Select(a => (long?)a.Seq).FirstOrDefaultAsync(cancellation);
    }

    /// <summary>"anna.jansen@gemeente.nl" → "Anna": how the person is told who joined.</summary>
    public static string FirstName(string email)
    {
        var local = email.Split('@')[0].Split('.', '_', '-', '+')[0];
        return local.Length == 0 ? "Iemand" : char.ToUpperInvariant(local[0]) + local[1..].ToLowerInvariant();
    }

    private static async Task<LiveChatRecord> OpenAsync(SafeChatDb db, long id, CancellationToken cancellation)
    {
        var live = await db.LiveChats.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellation) ?? throw new LiveChatNotFound();
        if (live.Status == LiveChatStatuses.Closed) throw new StaffActionRefused("Dit gesprek is al afgesloten.");
        return live;
    }

    private static async Task<LiveChatRecord> HeldAsync(SafeChatDb db, long id, StaffMember who, CancellationToken cancellation)
    {
        var live = await OpenAsync(db, id, cancellation);
        if (live.Status != LiveChatStatuses.Active || live.HeldBy != who.Id)
            throw new StaffActionRefused("Je voert dit gesprek niet. Neem het eerst aan.");
        return live;
    }
}

public sealed class LiveChatNotFound() : StaffActionRefused("Dit gesprek bestaat niet."), ITargetMissing;
