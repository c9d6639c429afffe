using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Privacy;

/// <summary>
/// Erasure on request ("wis mijn gegevens", or staff for a case): the transcript and state go, an open case is told
/// the reporter withdrew and loses its contact details, and the link to the channel address is removed.
/// </summary>
public sealed class Erasure(TimeProvider clock)
{
    public const string WithdrawnNote = "De melder heeft de melding ingetrokken en liet de gegevens wissen.";

    /// <summary>Inside a turn: everything of the conversation except the confirmation that follows.</summary>
    public async Task EraseConversationAsync(SafeChatDb db, string conversationId, CancellationToken cancellation)
    {
        await WithdrawCasesAsync(db, conversationId, cancellation);
        await db.Activities.Where(a => a.ConversationId == conversationId).ExecuteDeleteAsync(cancellation);
        await db.Outbox.Where(o => o.ConversationId == conversationId && o.Status != OutboxStatuses.Sent).ExecuteDeleteAsync(cancellation);
    }

    /// <summary>Staff erasing for a case: the linked conversation goes entirely, and the case's contact details.</summary>
    public async Task EraseForCaseAsync(SafeChatDb db, ReportRecord report, CancellationToken cancellation)
    {
        if (report.ReplyConversationId is { } conversation)
        {
            await WithdrawCasesAsync(db, conversation, cancellation);
            await db.Conversations.Where(c => c.Id == conversation).ExecuteDeleteAsync(cancellation);
        }
        report.ContactPhoneProtected = null;
        report.CallWindow = null;
        report.ReplyConversationId = null;
    }

    private async Task WithdrawCasesAsync(SafeChatDb db, string conversationId, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var report in await db.Reports.Where(r => r.ReplyConversationId == conversationId).ToListAsync(cancellation))
        {
            if (report.Status != ReportStatuses.Closed)
                db.CaseEntries.Add(new CaseEntryRecord { ReportId = report.Id, Kind = CaseEntryKinds.Withdrawn, Text = WithdrawnNote, CreatedAt = now });
            report.ContactPhoneProtected = null;
            report.CallWindow = null;
            report.ReplyConversationId = null;
            report.Version++;
        }
    }
}
