using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// Talks to the engine the way the host does: one activity in, replies out, and the state saved as JSON
/// between turns (so every test also proves the state survives serialisation, as after a restart).
/// </summary>
public sealed class EngineDriver(ConversationEngine? engine = null)
{
    private readonly ConversationEngine _engine = engine ?? SafeChatFlows.CreateEngine();

    /// <summary>The state as the host stores it; set it to resume a conversation from any point.</summary>
    public string SavedState { get; set; } = "{}";

    public ConversationState State => ConversationStateJson.Read(SavedState);

    public IReadOnlyList<Activity> Start(string? locale = null) =>
        Run(new Activity { Type = ActivityTypes.ConversationUpdate, Locale = locale, MembersAdded = [new ChannelAccount { Id = "bot" }] });

    public IReadOnlyList<Activity> Say(string text) => Run(Activity.Message(text));

    /// <summary>A conversation in this locale, past the greeting's danger question ("no"), at the menu.</summary>
    public static EngineDriver AtMenu(string locale)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say(locale.StartsWith("nl", StringComparison.Ordinal) ? "nee" : "no");
        return chat;
    }

    /// <summary>A conversation at the menu that has just said "Bel nu 112" for <paramref name="danger"/>, and waits at "Ben je nu nog
    /// in gevaar?".</summary>
    public static EngineDriver AfterCallingFor112(string locale, string danger)
    {
        var chat = AtMenu(locale);
        Assert.Contains("emergency", chat.Say(danger).Contacts());
        Assert.Equal(Flows.Flow.WhenSafe, chat.State.Active?.Dialog);
        return chat;
    }

    public IReadOnlyList<Activity> Event(string name, string value) =>
        Run(new Activity { Type = ActivityTypes.Event, Name = name, Value = JsonSerializer.SerializeToElement(value) });

    /// <summary>The effects (such as a submitted report) the last turn asked the host to carry out.</summary>
    public IReadOnlyList<ITurnEffect> LastEffects { get; private set; } = [];

    /// <summary>The dialogs the last turn began.</summary>
    public IReadOnlyList<string> LastStartedDialogs { get; private set; } = [];

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<Activity> Run(Activity inbound)
    {
        var state = ConversationStateJson.Read(SavedState);
        var outcome = _engine.Run(state, inbound, Now);
        SavedState = ConversationStateJson.Write(state);
        LastEffects = outcome.Effects;
        LastStartedDialogs = outcome.StartedDialogs;
        return outcome.Replies;
    }

    /// <summary>A new driver on the same saved state: what a restarted process sees.</summary>
    public EngineDriver Restarted() => new(SafeChatFlows.CreateEngine()) { SavedState = SavedState };
}

public static class ReplyAssertions
{
    public static string Texts(this IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    public static IReadOnlyList<string> Choices(this IEnumerable<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions!.Actions.Select(a => a.Title!).ToList() ?? [];

    public static IReadOnlyList<string> Contacts(this IEnumerable<Activity> replies) =>
        replies.SelectMany(r => r.Attachments ?? []).Select(ContactCard.From).Where(c => c is not null).Select(c => c!.Key).ToList();
}
