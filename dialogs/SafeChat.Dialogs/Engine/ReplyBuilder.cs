using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Turns text keys, prompts and directory entries into channel-neutral activities: text, choices as
/// suggested actions, and help-line contacts as <see cref="ContactCard"/> attachments each channel renders.
/// </summary>
public sealed class ReplyBuilder(ContentCatalog content)
{
    private readonly List<Activity> _activities = [];

    public IReadOnlyList<Activity> Activities => _activities;

    public void Say(string language, string textKey, IReadOnlyDictionary<string, string>? args, IReadOnlyList<string>? contacts)
    {
        var activity = Message(language, content.Text(language, textKey, args));
        if (contacts is { Count: > 0 })
            activity.Attachments = contacts.Select(key => ContactCard.Create(content, language, key)).ToList();
        _activities.Add(activity);
    }

    /// <param name="contacts">Help lines to show with the question itself (112 next to "Ben je nu in gevaar?").</param>
    public void Ask(string language, PendingPrompt prompt, IReadOnlyList<string>? contacts = null)
    {
        var question = Message(language, content.Text(language, prompt.TextKey, prompt.Args));
        question.InputHint = "expectingInput";
        if (contacts is { Count: > 0 })
            question.Attachments = contacts.Select(key => ContactCard.Create(content, language, key)).ToList();
        if (prompt.Choices.Count > 0)
            question.SuggestedActions = new SuggestedActions
            {
                Actions = prompt.Choices.Select(c => Choice(content.Text(language, c.LabelKey), c.Id)).ToList(),
            };
        _activities.Add(question);
    }

    public void SayBeforeQuestion(string language, string textKey, IReadOnlyDictionary<string, string>? args = null)
    {
        var line = Message(language, content.Text(language, textKey, args));
        var last = _activities.Count - 1;
        if (last >= 0 && _activities[last].SuggestedActions is not null) _activities.Insert(last, line);
        else _activities.Add(line);
    }

    /// <summary>A line with buttons that send their own label back ("Türkçe", "العربية"): no waiting question of its own.</summary>
    public void Offer(string language, string textKey, IReadOnlyList<(string Label, string Id)> options)
    {
        var line = Message(language, content.Text(language, textKey));
        line.SuggestedActions = new SuggestedActions { Actions = options.Select(o => Choice(o.Label, o.Id)).ToList() };
        _activities.Add(line);
    }

    public bool Showed(string serviceKey) =>
        _activities.SelectMany(a => a.Attachments ?? []).Select(ContactCard.From).Any(c => c?.Key == serviceKey);

    private static CardAction Choice(string label, string id)
    {
        var action = CardAction.ImBack(label);
        // The id travels with the button so channels with payloads (WhatsApp) can send it back.
        action.Extra = new Dictionary<string, JsonElement> { ["choiceId"] = JsonSerializer.SerializeToElement(id) };
        return action;
    }

    private static Activity Message(string language, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Locale = language,
    };
}
