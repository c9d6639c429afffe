using System.Globalization;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Flows.Report;

/// <summary>
/// The anonymous report to the municipality: who, what, where, when, an optional description, whether and how
/// the person wants to hear back — then a plain summary to approve before anything is stored, and a report code.
/// </summary>
public sealed class ReportDialog : Dialog
{
    private const string Who = "who", What = "what", Chosen = "chosen", Where = "where", Place = "place", When = "when";
    private const string OccurredOn = "occurred-on", Part = "part", Description = "description", FollowUpKey = "follow-up";
    private const string Phone = "phone", Window = "window", Approve = "approve", SkipIt = "skip", ThatIsAll = "that-is-all";
    private const string Handover = "handover", Cell = "cell";

    public override string Id => Flow.Report;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("report.intro");
            return step.Ask(Prompt.Choice(Who, "report.ask-who", "to-me", "to-someone-else"));
        },
        AskWhat,
        CollectWhat,
        step => step.Ask(Prompt.Choice(Where, "report.ask-where", [.. Districts.All.Select(d => d.Id), Districts.Elsewhere]).OrOwnWords()),
        ResolveWhere,
        step => step.Answer(Cell) is not null ? step.Next() : step.Ask(Prompt.Text(Place, "report.ask-place").WithChoices(SkipIt).Scrub()),
        step => step.Ask(Prompt.Choice(When, "report.ask-when", "just-now", "today", "yesterday", "this-week", "earlier").OrOwnWords()),
        ResolveWhen,
        step => step.Ask(Prompt.Text(Description, "report.ask-description").WithChoices(SkipIt).Scrub()),
        step => step.Ask(Prompt.Choice(FollowUpKey, "report.ask-follow-up", "no-follow-up", "follow-up-chat", "follow-up-phone")),
        step => step.Answered(FollowUpKey, "follow-up-phone") ? step.Ask(Prompt.Text(Phone, "report.ask-phone")) : step.Next(),
        CheckPhoneAndAskWindow,
        step => step.Answered(FollowUpKey, "no-follow-up") ? step.Next() : step.Ask(Prompt.YesNo(Handover, "report.ask-handover")),
        Summarise,
        Finish,
    ];

    private static StepResult AskWhat(StepContext step)
    {
        var chosen = ChosenCategories(step);
        var open = Categories.All.Where(c => !chosen.Contains(c)).ToList();
        if (chosen.Count == 0) return step.Ask(Prompt.Choice(What, "report.ask-what", [.. open]));
        return step.Ask(Prompt.Choice(What, "report.ask-what-more", [ThatIsAll, .. open])
            .With(new() { ["chosen"] = Labels(step, chosen) }));
    }

    private static StepResult CollectWhat(StepContext step)
    {
        if (step.Answered(What, ThatIsAll)) return step.Next();
        var chosen = ChosenCategories(step).Append(step.Answer(What)!).Distinct().ToList();
        step.Remember(Chosen, string.Join(",", chosen));
        return chosen.Count == Categories.All.Count ? step.Next() : step.Repeat();
    }

    /// <summary>A district, or a shared location (as a grid cell, never coordinates); anything else is asked again.</summary>
    private static StepResult ResolveWhere(StepContext step)
    {
        if (!step.Answered(Where, Answers.OwnWords)) return step.Next();
        if (step.Turn.SharedCell is not { } cell)
        {
            step.Say("report.where-unclear");
            return step.Repeat();
        }
        step.Remember(Where, Districts.Elsewhere);
        step.Remember(Cell, cell);
        step.Say("report.location-received");
        return step.Next();
    }

    private static StepResult ResolveWhen(StepContext step)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(step.Now, WhenRecognizer.Rotterdam).DateTime);
        WhenItHappened? when = step.Answer(When) switch
        {
            "just-now" => WhenRecognizer.Recognize("nu om " + TimeZoneInfo.ConvertTime(step.Now, WhenRecognizer.Rotterdam).Hour + " uur", step.Now),
            "today" => new WhenItHappened(today, null),
            "yesterday" => new WhenItHappened(today.AddDays(-1), null),
            "this-week" => new WhenItHappened(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), null),
            "earlier" => null,
            _ => WhenRecognizer.Recognize(step.Turn.Text ?? "", step.Now),
        };
        if (when is null && step.Answered(When, Answers.OwnWords))
        {
            step.Say("report.when-unclear");
            return step.Repeat();
        }
        step.Remember(OccurredOn, when?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        step.Remember(Part, when?.Part?.ToString() ?? "");
        return step.Next();
    }

    private static StepResult CheckPhoneAndAskWindow(StepContext step)
    {
        if (!step.Answered(FollowUpKey, "follow-up-phone")) return step.Next();
        if (CallBackNumber.Normalize(step.Answer(Phone)) is not { } phone)
        {
            step.Say("report.phone-invalid");
            return step.Repeat();
        }
        step.Remember(Phone, phone);
        return step.Ask(Prompt.Choice(Window, "report.ask-window", "morning", "afternoon", "evening"));
    }

    private static StepResult Summarise(StepContext step)
    {
        var place = step.Answer(Place) is { } p && p != SkipIt ? $" ({p})" : step.Answer(Cell) is not null ? $" ({step.Text("report.shared-location")})" : "";
        var description = step.Answer(Description) is { } d && d != SkipIt ? d : step.Text("report.none");
        step.Say("report.summary", new Dictionary<string, string>
        {
            ["who"] = step.Text("choice." + step.Answer(Who)),
            ["what"] = Labels(step, ChosenCategories(step)),
            ["where"] = step.Text("choice." + step.Answer(Where)) + place,
            ["when"] = DescribeWhen(step),
            ["description"] = description,
            ["followUp"] = step.Text("choice." + step.Answer(FollowUpKey)),
        });
        return step.Ask(Prompt.Choice(Approve, "report.ask-approve", "send", "start-again", "cancel"));
    }

    private static StepResult Finish(StepContext step)
    {
        switch (step.Answer(Approve))
        {
            case "send":
                var code = ReportCode.New();
                step.Do(Submission(step, code));
                step.Say("report.sent", new Dictionary<string, string> { ["code"] = code });
                step.Say(step.Answered(FollowUpKey, "no-follow-up") ? "report.next-no-follow-up" : "report.next-follow-up");
                return step.End();
            case "start-again":
                step.Remember(Chosen, "");
                return step.Loop();
            default:
                step.Say("report.cancelled");
                return step.End();
        }
    }

    private static ReportSubmitted Submission(StepContext step, string code) => new(
        code,
        HappenedToReporter: step.Answered(Who, "to-me"),
        Categories: ChosenCategories(step),
        District: step.Answer(Where)!,
        GridCell: step.Answer(Cell),
        Place: step.Answer(Place) is { } p && p != SkipIt ? p : null,
        OccurredOn: DateOnly.TryParse(step.Answer(OccurredOn), CultureInfo.InvariantCulture, out var date) ? date : null,
        PartOfDay: Enum.TryParse<PartOfDay>(step.Answer(Part), out var part) ? part : null,
        Description: step.Answer(Description) is { } d && d != SkipIt ? d : null,
        FollowUp: step.Answer(FollowUpKey) switch { "follow-up-chat" => FollowUp.InChat, "follow-up-phone" => FollowUp.ByPhone, _ => FollowUp.None },
        Phone: step.Answered(FollowUpKey, "follow-up-phone") ? step.Answer(Phone) : null,
        CallWindow: step.Answered(FollowUpKey, "follow-up-phone") ? step.Answer(Window) : null,
        HandoverConsent: step.Answered(Handover, Answers.Yes),
        Language: step.Language,
        Signals: [.. step.Signals]);

    private static string DescribeWhen(StepContext step)
    {
        if (!DateOnly.TryParse(step.Answer(OccurredOn), CultureInfo.InvariantCulture, out var date)) return step.Text("report.when-unknown");
        var culture = CultureInfo.GetCultureInfo(step.Language == "en" ? "en-GB" : "nl-NL");
        var day = date.ToString("dddd d MMMM", culture);
        return step.Answer(Part) is { Length: > 0 } part ? $"{day}, {step.Text("part." + part.ToLowerInvariant())}" : day;
    }

    private static List<string> ChosenCategories(StepContext step) =>
        (step.Answer(Chosen) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Labels(StepContext step, IEnumerable<string> ids) =>
        string.Join(", ", ids.Select(id => step.Text("choice." + id).ToLower(CultureInfo.CurrentCulture)));
}
