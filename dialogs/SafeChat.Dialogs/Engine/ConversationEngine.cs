using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine.Interrupts;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Engine;

public sealed record TurnOutcome(IReadOnlyList<Activity> Replies, IReadOnlyList<string> FiredRules, IReadOnlyList<ITurnEffect> Effects);

/// <summary>
/// The turn pipeline: inbound activity → interrupts (safety first, then language and commands)
/// → the active dialog step → outbound activities. Pure: no I/O, so any channel and any host can run it.
/// </summary>
public sealed class ConversationEngine
{
    private readonly IReadOnlyDictionary<string, Dialog> _dialogs;
    private readonly IReadOnlyList<IInterrupt> _interrupts;
    private readonly ChoiceMatcher _matcher;

    public ConversationEngine(ContentCatalog content, ITriage triage, IEnumerable<Dialog> dialogs, string rootDialog,
        IEnumerable<IInterrupt>? interrupts = null, string? menuDialog = null, IReportBook? reports = null)
    {
        Content = content;
        Triage = triage;
        Reports = reports;
        RootDialog = rootDialog;
        _dialogs = dialogs.ToDictionary(d => d.Id);
        _interrupts = (interrupts ?? DefaultInterrupts.For(content, menuDialog ?? rootDialog)).ToList();
        _matcher = new ChoiceMatcher(content);
        if (!_dialogs.ContainsKey(rootDialog)) throw new ArgumentException($"Root dialog '{rootDialog}' is not registered.");
    }

    public ContentCatalog Content { get; }
    public IReportBook? Reports { get; }
    public ITriage Triage { get; }
    public string RootDialog { get; }

    public IReadOnlyList<Activity> RunTurn(ConversationState state, Activity inbound, DateTimeOffset now) =>
        Run(state, inbound, now).Replies;

    /// <summary>The replies and the names of the routing rules that fired.</summary>
    public TurnOutcome Run(ConversationState state, Activity inbound, DateTimeOffset now)
    {
        var turn = new TurnContext(inbound, state, Content, Triage, now) { Reports = Reports };
        Handle(turn, state, inbound);
        return new TurnOutcome(turn.Replies, turn.FiredRules, turn.Effects);
    }

    private void Handle(TurnContext turn, ConversationState state, Activity inbound)
    {
        var runner = new DialogRunner(_dialogs, _matcher, turn, RootDialog);

        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            if (!state.Started) Start(state, inbound, runner);
            return;
        }
        if (inbound.Type is not (ActivityTypes.Message or ActivityTypes.Event)) return;

        if (!state.Started) ChooseLanguage(state, inbound);
        if (_interrupts.Any(i => i.TryHandle(turn, runner))) return;
        if (inbound.Type == ActivityTypes.Event) return;

        if (state.Active is null) Start(state, inbound, runner);
        else runner.Answer();
    }

    private void Start(ConversationState state, Activity inbound, DialogRunner runner)
    {
        if (!state.Started) ChooseLanguage(state, inbound);
        runner.StartOver();
    }

    /// <summary>The page's locale when there is one (web chat); otherwise the words of the first message (SMS, WhatsApp).</summary>
    private void ChooseLanguage(ConversationState state, Activity inbound)
    {
        var language = LanguageOf(inbound.Locale) ?? LanguageDetector.Detect(inbound.Text ?? "");
        if (language is not null && Content.Has(language)) state.Language = language;
    }

    private string? LanguageOf(string? locale)
    {
        var language = locale?.Split('-')[0].ToLowerInvariant();
        return language is not null && Content.Has(language) ? language : null;
    }
}
