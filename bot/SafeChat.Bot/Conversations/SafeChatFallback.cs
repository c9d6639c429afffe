using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Conversations;

/// <summary>What the person sees if a flow fails: an honest apology, 112, and a way to start again.</summary>
public static class SafeChatFallback
{
    public static IReadOnlyList<Activity> Reply(ConversationEngine engine, ConversationState state)
    {
        var text = engine.Content.Text(state.Language, "error.fallback");
        return [new Activity { Type = ActivityTypes.Message, Text = text, Locale = state.Language }];
    }
}
