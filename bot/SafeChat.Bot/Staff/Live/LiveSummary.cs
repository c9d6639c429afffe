using System.Globalization;
using System.Text.Json;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Staff.Live;

/// <summary>
/// The bot's summary of what the person told before the handover (<see cref="Storage.LiveChatRecord.Summary"/>): read
/// once here, shown to staff in Dutch, and the prefill of a report made from the live chat.
/// </summary>
public sealed record LiveSummary(string Language, bool? HappeningNow, bool? ToSomeoneElse, string? When, bool? WithinAWeek,
    string? District, string? Who, IReadOnlyList<string> What, IReadOnlyList<string> Topics)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly LiveSummary Empty = new("nl", null, null, null, null, null, null, [], []);

    /// <summary>An unreadable summary is shown as "unknown", never as an error page in the middle of a chat.</summary>
    public static LiveSummary Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Empty;
        try
        {
            var read = JsonSerializer.Deserialize<LiveSummary>(json, Json) ?? Empty;
            return read with { Language = read.Language ?? "nl", What = read.What ?? [], Topics = read.Topics ?? [] };
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public DateOnly? Day => DateOnly.TryParse(When, CultureInfo.InvariantCulture, out var day) ? day : null;

    /// <summary>Label and value, in the order a team member reads them.</summary>
    public IReadOnlyList<(string Label, string Value)> Rows(SafeChat.Dialogs.Content.ContentCatalog content) =>
    [
        ("Taal", Shared.StaffLanguage.Describe(Language, content)),
        ("Gebeurt het nu", YesNo(HappeningNow, "ja, nu", "nee")),
        ("Over wie", YesNo(ToSomeoneElse, "iemand anders (de persoon zag het)", "de persoon zelf")),
        ("Wanneer", Day?.ToString("d MMMM yyyy", Dutch) ?? YesNo(WithinAWeek, "in de afgelopen week", "langer dan een week geleden")),
        ("Wijk", District is null ? "onbekend" : Districts.NameOf(District)),
        ("Wie deed het", Who is null ? "onbekend" : People.GetValueOrDefault(Who, Who)),
        ("Wat", What.Count == 0 ? "onbekend" : Format.Dutch(string.Join(",", What))),
        ("Ook over", Topics.Count == 0 ? "niets anders" : string.Join(", ", Topics.Select(t => TopicWords.GetValueOrDefault(t, t)))),
    ];

    /// <summary>
    /// The report the person agreed to, filled from the summary: the answer goes into this chat (the person is here), the
    /// place name stays out as in the summary, and danger during the live chat makes it a danger report.
    /// </summary>
    public ReportSubmitted ToReport(string code, bool danger, string? description) => new(
        code,
        HappenedToReporter: ToSomeoneElse != true,
        Categories: What.Count == 0 ? ["other"] : What,
        District: District ?? Districts.Elsewhere,
        GridCell: null,
        Place: null,
        OccurredOn: Day,
        PartOfDay: null,
        Description: description,
        FollowUp: FollowUp.InChat,
        Phone: null,
        CallWindow: null,
        HandoverConsent: false,
        Language: Language,
        Signals: danger || HappeningNow == true ? [Signal.Emergency] : []);

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string YesNo(bool? value, string yes, string no) => value switch { true => yes, false => no, null => "onbekend" };

    private static readonly Dictionary<string, string> People = new()
    {
        ["partner"] = "partner", ["ex"] = "ex-partner", ["family"] = "familielid", ["housemate"] = "huisgenoot",
        ["acquaintance"] = "een bekende", ["stranger"] = "een onbekende",
    };

    private static readonly Dictionary<string, string> TopicWords = new()
    {
        ["discrimination"] = "discriminatie", ["lgbti"] = "lhbti+", ["law"] = "vraag over de wet", ["penalty"] = "vraag over de straf",
    };
}
