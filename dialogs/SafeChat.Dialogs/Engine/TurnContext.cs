using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine;

/// <summary>One turn: the inbound activity, the state it changes and the replies it collects.</summary>
public sealed class TurnContext
{
    private readonly ReplyBuilder _replies;
    private TriageResult? _triage;
    private readonly ITriage _triageEngine;

    public TurnContext(Activity inbound, ConversationState state, ContentCatalog content, ITriage triage, Understander understander, DateTimeOffset now)
    {
        Inbound = inbound;
        State = state;
        Content = content;
        Now = now;
        Understander = understander;
        _triageEngine = triage;
        _replies = new ReplyBuilder(content);
    }

    public Understander Understander { get; }

    /// <summary>The facts this message told (nothing for a tapped choice: that is an answer, not a story).</summary>
    public FactsTold Told { get; set; } = FactsTold.Nothing;

    /// <summary>The facts that this message changed in <see cref="ConversationState.Facts"/>.</summary>
    public IReadOnlyList<string> ChangedFacts { get; set; } = [];

    /// <summary>The language changed because the person wrote in another one (a line says so at the end of the turn).</summary>
    public bool LanguageFollowed { get; set; }

    public Activity Inbound { get; }
    public ConversationState State { get; }
    public ContentCatalog Content { get; }
    public DateTimeOffset Now { get; }
    public string Language => State.Language;

    /// <summary>What the person typed or tapped, as text.</summary>
    public string? Text => Inbound.Text ?? (Inbound.Value?.ValueKind == System.Text.Json.JsonValueKind.String ? Inbound.Value.Value.GetString() : null);

    public string NormalizedText => TextNormalizer.Normalize(Text);

    /// <summary>Entity type a channel uses for a shared location, already coarsened to a grid cell.</summary>
    public const string GridCellEntity = "https://safechat.nl/schema/GridCell";

    /// <summary>The ~250 m grid cell of a location the person shared this turn (channels never pass exact coordinates).</summary>
    public string? SharedCell => Inbound.Entities?
        .Where(e => e.TryGetProperty("type", out var type) && type.GetString() == GridCellEntity)
        .Select(e => e.GetProperty("cell").GetString()).FirstOrDefault();

    /// <summary>True when the message is exactly one of the prompt's choice labels, as a tap sends it.</summary>
    public bool TappedChoiceOf(PendingPrompt prompt) =>
        prompt.Choices.Any(c => TextNormalizer.Normalize(Content.Text(Language, c.LabelKey)) == NormalizedText);

    public TriageResult Triage => _triage ??= _triageEngine.Recognize(Text ?? "", State.Language);

    /// <summary>A sentence of the message speaks of him, them or hiding without saying by itself that it is over ("ik ben
    /// veilig. hij staat om de hoek"): while danger is being asked about, no sign that it has ended.</summary>
    public bool SpeaksOfHimStill => _speaksOfHimStill ??= !Dialogs.Triage.Rules.SafeStatements.NothingOfHimBeside(ChatSpelling.Correct(Text ?? ""));

    private bool? _speaksOfHimStill;

    /// <summary>How many words the message has: short replies and longer stories are read differently.</summary>
    public int WordCount => NormalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Triage of other words in this conversation's language (a part of the message, read on its own).</summary>
    public TriageResult TriageOf(string text) => _triageEngine.Recognize(text, State.Language);

    public IReadOnlyList<Activity> Replies => _replies.Activities;

    /// <summary>Lasting changes the host must make together with this turn's state and replies.</summary>
    public List<ITurnEffect> Effects { get; } = [];

    /// <summary>The host's read access to reports, for "status CODE" (null where there is none).</summary>
    public IReportBook? Reports { get; init; }

    /// <summary>The team that can take the conversation over (null: no live chat in this host).</summary>
    public Live.ILiveDesk? LiveDesk { get; init; }

    /// <summary>The dialogs this turn began, in order (for tests and logs; they carry no words of the person).</summary>
    public List<string> StartedDialogs { get; } = [];

    /// <summary>Names of the routing rules that fired this turn: logged by the host, never the person's words.</summary>
    public List<string> FiredRules { get; } = [];

    /// <summary>What kind of channel this is, for texts about the traces a conversation leaves.</summary>
    public ChannelKind Channel => ChannelKinds.Of(Inbound.ChannelId);

    public void Say(string textKey, IReadOnlyDictionary<string, string>? args = null, IReadOnlyList<string>? contacts = null) =>
        _replies.Say(Language, textKey, args, contacts);

    public void Ask(PendingPrompt prompt, IReadOnlyList<string>? contacts = null) => _replies.Ask(Language, prompt, contacts);

    /// <summary>Records that a named routing rule fired (the host logs the name) and gives its help.</summary>
    public void Route(Flows.Routing.HelpRoute route)
    {
        FiredRules.Add(route.Name);
        Say(route.TextKey, contacts: route.Services);
    }

    /// <summary>The goodbye, with what the conversation leaves behind on this channel and how to wipe it.</summary>
    public void SayGoodbye()
    {
        Say("menu.goodbye");
        Say("trace." + Channel.Key());
    }

    /// <summary>Puts a line before the last question of the turn (or at the end when there is none).</summary>
    public void SayBeforeQuestion(string textKey, IReadOnlyDictionary<string, string>? args = null) =>
        _replies.SayBeforeQuestion(Language, textKey, args);

    /// <summary>A line with buttons that send their own label (languages by their own names).</summary>
    public void Offer(string textKey, IReadOnlyList<(string Label, string Id)> options) => _replies.Offer(Language, textKey, options);

    /// <summary>True when this turn already showed the help line with this directory key.</summary>
    public bool Showed(string serviceKey) => _replies.Showed(serviceKey);
}
