using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Live;

namespace SafeChat.Bot.Live;

/// <summary>
/// What a turn's live-chat effects change, in the turn's transaction: a request opens a waiting live chat (with the bot's
/// summary of what the person told, no words of theirs), stopping closes it, danger flags it red.
/// </summary>
public static class LiveChatEffects
{
    public static async Task ApplyAsync(SafeChatDb db, ITurnEffect effect, string conversationId, ConversationState state, DateTime now,
        CancellationToken cancellation)
    {
        switch (effect)
        {
            case RequestLiveChat:
                if (await OpenAsync(db, conversationId, cancellation) is not null) return;
                var at = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSeq).SingleAsync(cancellation);
                db.LiveChats.Add(new LiveChatRecord
                {
                    ConversationId = conversationId, Status = LiveChatStatuses.Waiting, RequestedAt = now, StartSeq = at,
                    Summary = Summary(state),
                });
                break;
            case StopWaiting:
                if (await OpenAsync(db, conversationId, cancellation) is { Status: LiveChatStatuses.Waiting } waiting)
                {
                    waiting.Status = LiveChatStatuses.Closed;
                    waiting.ClosedAt = now;
                    waiting.Outcome = "stopped-waiting";
                }
                break;
            case LiveDanger:
                if (await OpenAsync(db, conversationId, cancellation) is { } open) open.Danger = true;
                break;
        }
    }

    private static Task<LiveChatRecord?> OpenAsync(SafeChatDb db, string conversationId, CancellationToken cancellation) =>
        db.LiveChats.Where(l => l.ConversationId == conversationId && l.Status != LiveChatStatuses.Closed)
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(cancellation);

    /// <summary>The facts the bot understood (when, district, who, what; about someone else), as JSON for staff. The place
    /// name stays out: it may be a street of the person's own.</summary>
    private static string Summary(ConversationState state) => JsonSerializer.Serialize(new
    {
        language = state.Language,
        happeningNow = state.Facts.HappeningNow,
        toSomeoneElse = state.Facts.ToSomeoneElse,
        when = state.Facts.Date,
        withinAWeek = state.Facts.WithinAWeek,
        district = state.Facts.District,
        who = state.Facts.Who,
        what = state.Facts.What,
        topics = state.Facts.Topics,
    });
}
