using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Live;

/// <summary>
/// "Is typing…" both ways, only while a person from the team holds the chat. Stored in the log like any activity (so
/// every instance's streams see it), but never as something the person said: it starts no turn, and the person's own
/// typing is not shown back to them. Outside a live chat the person's typing is dropped, as before.
/// </summary>
public sealed class LiveTyping(SafeChatDbFactory databases, ActivitySignals signals, TimeProvider clock)
{
    public const string TeamMember = "safechat-team";

    /// <summary>The person is typing: their team member's page shows it. False outside an active live chat.</summary>
    public async Task<bool> PersonTypingAsync(string conversationId, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        var active = await db.LiveChats.AnyAsync(l => l.ConversationId == conversationId && l.Status == LiveChatStatuses.Active, cancellation);
        if (!active) return false;
        await AppendAsync(db, conversationId, new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "person", Role = "user" } },
            visibleToClient: false, cancellation);
        return true;
    }

    /// <summary>The team member is typing: Web Chat shows its indicator (SMS and WhatsApp have none, so no message is sent).</summary>
    public async Task StaffTypingAsync(string conversationId, string? name, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        await AppendAsync(db, conversationId, new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = TeamMember, Name = name, Role = "bot" } },
            visibleToClient: true, cancellation);
    }

    private async Task AppendAsync(SafeChatDb db, string conversationId, Activity typing, bool visibleToClient, CancellationToken cancellation)
    {
        await ActivityLog.AppendAsync(db, conversationId, [new ActivityLog.Entry(typing, FromUser: false, VisibleToClient: visibleToClient)],
            clock.GetUtcNow().UtcDateTime, cancellation);
        signals.Notify(conversationId);
    }
}
