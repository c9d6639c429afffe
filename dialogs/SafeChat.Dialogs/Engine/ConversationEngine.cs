using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine.Interrupts;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine;

public sealed record TurnOutcome(IReadOnlyList<Activity> Replies, IReadOnlyList<string> FiredRules, IReadOnlyList<ITurnEffect> Effects)
{
    /// <summary>The dialogs the turn began, in order.</summary>
    public IReadOnlyList<string> StartedDialogs { get; init; } = [];
}

/// <summary>
/// The turn pipeline: inbound activity → the person's language → what the message tells (facts) → interrupts (safety
/// first, then language and commands) → the active dialog step → outbound activities. Pure: no I/O, so any channel and
/// any host can run it.
/// </summary>
public sealed class ConversationEngine
{
    private readonly IReadOnlyDictionary<string, Dialog> _dialogs;
    private readonly IReadOnlyList<IInterrupt> _interrupts;
    private readonly ChoiceMatcher _matcher;
    private readonly string _menuDialog;
    private readonly RememberedTriage _turnTriage;

    public ConversationEngine(ContentCatalog content, ITriage triage, IEnumerable<Dialog> dialogs, string rootDialog,
        IEnumerable<IInterrupt>? interrupts = null, string? menuDialog = null, IReportBook? reports = null, Understander? understander = null,
        Live.ILiveDesk? liveDesk = null)
    {
        Content = content;
        Triage = triage;
        Reports = reports;
        LiveDesk = liveDesk;
        RootDialog = rootDialog;
        Understander = understander ?? Understander.LoadEmbedded();
        _menuDialog = menuDialog ?? rootDialog;
        _dialogs = dialogs.ToDictionary(d => d.Id);
        _interrupts = (interrupts ?? DefaultInterrupts.For(content, _menuDialog)).ToList();
        _matcher = new ChoiceMatcher(content);
        _turnTriage = new RememberedTriage(triage, content);
        if (!_dialogs.ContainsKey(rootDialog)) throw new ArgumentException($"Root dialog '{rootDialog}' is not registered.");
    }

    public ContentCatalog Content { get; }
    public IReportBook? Reports { get; }
    public Live.ILiveDesk? LiveDesk { get; }
    public ITriage Triage { get; }
    public Understander Understander { get; }
    public string RootDialog { get; }

    public IReadOnlyList<Activity> RunTurn(ConversationState state, Activity inbound, DateTimeOffset now) =>
        Run(state, inbound, now).Replies;

    /// <summary>Reads each language module's start-up messages in a conversation of its own and throws the result away:
    /// the patterns, recognisers and flows on those paths are built before the first person writes.</summary>
    public void WarmUp(DateTimeOffset now)
    {
        Understander.WarmUp();
        foreach (var text in Understander.WarmUpMessages) Run(new ConversationState(), Activity.Message(text), now);
    }

    /// <summary>The replies and the names of the routing rules that fired.</summary>
    public TurnOutcome Run(ConversationState state, Activity inbound, DateTimeOffset now)
    {
        var turn = new TurnContext(inbound, state, Content, _turnTriage, Understander, now) { Reports = Reports, LiveDesk = LiveDesk };
        Handle(turn, state, inbound);
        if (turn.LanguageFollowed) turn.SayBeforeQuestion("language.followed");
        return new TurnOutcome(turn.Replies, turn.FiredRules, turn.Effects) { StartedDialogs = turn.StartedDialogs };
    }

    private void Handle(TurnContext turn, ConversationState state, Activity inbound)
    {
        var runner = new DialogRunner(_dialogs, _matcher, turn, RootDialog, _menuDialog);

        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            if (!state.Started)
            {
                if (LanguageOf(inbound.Locale) is { } language) (state.Language, state.LanguageSettled) = (language, true);
                runner.StartOver();
            }
            return;
        }
        if (inbound.Type is not (ActivityTypes.Message or ActivityTypes.Event)) return;

        if (inbound.Type == ActivityTypes.Message)
        {
            state.Messages++;
            FollowLanguage(turn, state, inbound);
            Understand(turn, state);
        }
        var firstMessage = !state.Started && inbound.Type == ActivityTypes.Message;
        if (_interrupts.Any(i => i.TryHandle(turn, runner)))
        {
            // Danger as the very first message: 112 first, and still the plain word that this is an automated assistant.
            if (firstMessage && !state.Started) Introduce(turn, state);
            return;
        }
        if (inbound.Type == ActivityTypes.Event) return;

        if (!state.Started) runner.StartOver();
        else if (state.Active is null)
        {
            var flow = OwnWords.FlowFor(turn);
            runner.ToMenu(flow, confirm: flow is not null && !OwnWords.LikelyOf(turn, flow));
        }
        else runner.Answer();
    }

    private static void Introduce(TurnContext turn, ConversationState state)
    {
        state.Started = true;
        turn.SayBeforeQuestion("greeting.intro");
        turn.SayBeforeQuestion("leave." + turn.Channel.Key());
        Flows.Greeting.LanguageLine.Add(turn);
    }

    /// <summary>
    /// The first message's locale decides the language (Web Chat and DirectLineJS send the browser's); without one, the
    /// words do. Later, a message clearly written in another language switches to it.
    /// </summary>
    private void FollowLanguage(TurnContext turn, ConversationState state, Activity inbound)
    {
        if (!state.LanguageSettled && LanguageOf(inbound.Locale) is { } fromLocale)
        {
            state.LanguageSettled = true;
            Switch(turn, state, fromLocale);
        }
        if (state.Active?.Prompt is { } prompt && turn.TappedChoiceOf(prompt)) return;
        // Before the language is known (SMS, WhatsApp: no locale), even "no" or "nope" tells it; after, it takes a sentence.
        if (turn.Understander.Detector.Detect(inbound.Text ?? "", confident: state.LanguageSettled) is not { } detected || !Content.Has(detected)) return;
        state.LanguageSettled = true;
        Switch(turn, state, detected);
    }

    private static void Switch(TurnContext turn, ConversationState state, string language)
    {
        if (language == state.Language) return;
        state.Language = language;
        if (state.Started) turn.LanguageFollowed = true;
    }

    /// <summary>Takes the facts a message tells into the conversation's facts (a tapped choice is an answer, not a story).</summary>
    private static void Understand(TurnContext turn, ConversationState state)
    {
        var prompt = state.Active?.Prompt;
        if (prompt is not null && turn.TappedChoiceOf(prompt)) return;
        // A free-text answer (a place, a description, a phone number) is kept as it is, not read for facts.
        if (prompt is { Kind: PromptKind.Text } || string.IsNullOrWhiteSpace(turn.Text)) return;
        var expected = prompt?.Recognizes ?? (state.LastRoutedFacts.Contains(Facts.WhenKey) ? Facts.WhenKey : null);
        // Facts keep no words of the message, so the text is read as written ("28-11-2026" is a date, not a number to scrub).
        turn.Told = turn.Understander.Extract(turn.Text, turn.Language, turn.Triage, turn.Now, expected);
        turn.ChangedFacts = state.Facts.Merge(turn.Told);
        var alsoWanted = Flows.Routing.OwnWords.AlsoWanted(turn.Triage, turn.NormalizedText);
        if (alsoWanted.Count > 0) state.PendingFlows = [.. alsoWanted];
    }

    private string? LanguageOf(string? locale)
    {
        var language = locale?.Split('-')[0].ToLowerInvariant();
        return language is not null && Content.Has(language) ? language : null;
    }
}
