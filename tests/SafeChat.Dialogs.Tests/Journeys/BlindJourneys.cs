using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Tests.Engine;

namespace SafeChat.Dialogs.Tests.Journeys;

/// <summary>
/// Plays the conversations of a blind batch (Triage/Blind/journeys-*.jsonl, written by someone who never saw
/// SafeChat) through the engine and checks each expectation: help that must come at once, help that must never come,
/// the language of every reply, help by the end, and facts that must not be asked again.
/// </summary>
public static class BlindJourneys
{
    public sealed record Turn(string Say, List<string>? Expect, List<string>? Forbid, string? Language);
    public sealed record Journey(string Id, string? Locale, List<Turn> Turns, List<string>? ExpectByEnd, List<string>? ForbidEver, List<string>? AlreadyTold, string? Note);

    public sealed record Result(string Id, int Checks, IReadOnlyList<string> Failures)
    {
        public bool Passed => Failures.Count == 0;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<Journey> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<Journey>(l, Json)!).ToList();

    /// <summary>Which question asks for which fact, by its text key.</summary>
    private static readonly Dictionary<string, string[]> Asks = new()
    {
        ["when"] = ["sv.ask-when", "report.ask-when"],
        ["where"] = ["report.ask-where", "report.ask-place"],
        ["what"] = ["report.ask-what", "victim.ask-what"],
        ["who"] = [],
    };

    public static Result Play(Journey journey, DateTimeOffset now)
    {
        var chat = new EngineDriver { Now = now };
        var failures = new List<string>();
        var checks = 0;
        var shown = new HashSet<string>();
        var asked = new HashSet<string>();
        chat.Start(journey.Locale);
        foreach (var (turn, n) in journey.Turns.Select((t, i) => (t, i + 1)))
        {
            var replies = chat.Run(new Activity { Type = ActivityTypes.Message, Text = turn.Say, Locale = journey.Locale, ChannelId = journey.Locale is null ? "sms" : "webchat" });
            var here = Help(replies, chat);
            shown.UnionWith(here);
            if (chat.State.Active?.Prompt is { } prompt) asked.Add(prompt.TextKey);
            foreach (var key in turn.Expect ?? [])
            {
                checks++;
                if (!here.Contains(key)) failures.Add($"turn {n}: expected {key} at once, got [{string.Join(",", here)}] for \"{turn.Say}\"");
            }
            foreach (var key in (turn.Forbid ?? []).Concat(journey.ForbidEver ?? []))
            {
                checks++;
                if (here.Contains(key)) failures.Add($"turn {n}: {key} should not come, for \"{turn.Say}\"");
            }
            if (turn.Language is { } language)
            {
                checks++;
                var wrong = replies.Where(r => r.Locale != language).ToList();
                if (wrong.Count > 0) failures.Add($"turn {n}: answered in {wrong[0].Locale}, not {language}, for \"{turn.Say}\"");
            }
        }
        foreach (var key in journey.ExpectByEnd ?? [])
        {
            checks++;
            if (!shown.Contains(key)) failures.Add($"by the end: {key} never came");
        }
        foreach (var fact in journey.AlreadyTold ?? [])
        {
            checks++;
            var again = Asks.GetValueOrDefault(fact, []).Where(asked.Contains).ToList();
            if (again.Count > 0) failures.Add($"asked again for {fact} ({again[0]})");
        }
        return new Result(journey.Id, checks, failures);
    }

    /// <summary>The help a turn gave, in the batch's words: help-line keys, "report", "police", "human" and "bystander".</summary>
    private static HashSet<string> Help(IReadOnlyList<Activity> replies, EngineDriver chat)
    {
        var help = replies.Contacts().Select(k => k == "emergency" ? "112" : k).ToHashSet();
        if (chat.LastStartedDialogs.Contains(Flow.Report) || chat.State.Stack.Any(f => f.Dialog == Flow.Report)) help.Add("report");
        if (chat.LastStartedDialogs.Any(d => d.StartsWith("bystander", StringComparison.Ordinal))) help.Add("bystander");
        // "police": what an aangifte is and how (the flow, or the police's number); "human": the hand-over to a person.
        if (chat.LastStartedDialogs.Contains(Flow.ReportOrPolice)) help.Add("police");
        if (chat.LastStartedDialogs.Contains(Flow.TalkToPerson)) help.Add("human");
        return help;
    }
}
