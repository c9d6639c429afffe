using System.Globalization;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Flows.Report;

/// <summary>
/// The anonymous report to the municipality: who, what, where, when, an optional description, whether and how
/// the person wants to hear back — then a plain summary to approve before anything is stored, and a report code.
/// What the person already told (a date, a street, what happened) is filled in and said back in one line, not asked
/// again; every question also takes words ("gisteravond rond 11", "bij metro Beurs").
/// </summary>
public sealed class ReportDialog : Dialog
{
    private const string Who = "who", What = "what", Chosen = "chosen", Where = "where", Place = "place", When = "when";
    private const string Description = "description", FollowUpKey = "follow-up";
    private const string Phone = "phone", Window = "window", Approve = "approve", SkipIt = "skip", ThatIsAll = "that-is-all";
    private const string Handover = "handover", Cell = "cell", Prefilled = "prefilled", TouchingHelp = "touching-help";

    public override string Id => Flow.Report;

    public override bool FillsFromFacts => true;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        Introduce,
        step => FillFromFacts(step) || step.Answer(Who) is not null ? step.Next()
            : step.Ask(Prompt.Choice(Who, "report.ask-who", "to-me", "to-someone-else").ChosenBy(("to-someone-else", Triage.Signal.Bystander))),
        AskWhat,
        CollectWhat,
        step => FillFromFacts(step) || step.Answer(Where) is not null ? step.Next() : AskWhere(step),
        ResolveWhere,
        ResolveWhere, // after "which of the two districts?", if the first one asked it
        step => FillFromFacts(step) || step.Answer(Place) is not null || step.Answer(Cell) is not null ? step.Next()
            : step.Ask(Prompt.Text(Place, "report.ask-place").WithChoices(SkipIt).Scrub()),
        step => step.Facts.Day is not null || step.Answer(When) is not null ? step.Next()
            : step.Ask(Prompt.Choice(When, "report.ask-when", "just-now", "today", "yesterday", "this-week", "earlier").Recognizing(Facts.WhenKey).IfUnclear("report.when-unclear")),
        ResolveWhen,
        step =>
        {
            // SafeChat keeps no photos or messages: the person keeps their own notes and evidence.
            step.Say("report.keep-notes");
            return step.Ask(Prompt.Text(Description, "report.ask-description").WithChoices(SkipIt).Scrub());
        },
        step => step.Ask(Prompt.Choice(FollowUpKey, "report.ask-follow-up", "no-follow-up", "follow-up-chat", "follow-up-phone")),
        step => step.Answered(FollowUpKey, "follow-up-phone") ? step.Ask(Prompt.Text(Phone, "report.ask-phone")) : step.Next(),
        CheckPhoneAndAskWindow,
        step => step.Answered(FollowUpKey, "no-follow-up") ? step.Next() : step.Ask(Prompt.YesNo(Handover, "report.ask-handover")),
        Summarise,
        Finish,
        OfferHelpAfterTouching,
    ];

    /// <summary>Fills in what the person already told, and says so in one line.</summary>
    private static StepResult Introduce(StepContext step)
    {
        step.Say("report.intro");
        var facts = step.Facts;
        var filled = new List<string>();
        FillFromFacts(step);
        if (facts.What.Count > 0) filled.Add(Labels(step, facts.What));
        if (facts.District is { } district) filled.Add(facts.Place ?? step.Text("choice." + district));
        else if (facts.Place is { } onBorder) filled.Add(onBorder);
        if (facts.Day is not null) filled.Add(WhenWords.Describe(step, facts));
        if (filled.Count > 0)
        {
            step.Remember(Prefilled, "yes");
            step.Say("report.understood", new Dictionary<string, string> { ["facts"] = string.Join(", ", filled) });
        }
        return step.Next();
    }

    /// <summary>Which part of Rotterdam; for a place on a border (the Erasmusbrug) only which of its two districts.</summary>
    private static StepResult AskWhere(StepContext step) => step.Facts.PlaceOnBorder
        ? AskWhichSide(step)
        : step.Ask(Prompt.Choice(Where, "report.ask-where", [.. Districts.All.Select(d => d.Id), Districts.Elsewhere])
            .Recognizing(Facts.WhereKey).IfUnclear("report.where-unclear"));

    /// <summary>Only the two districts the place lies between, by button or by name (no place words: the place is known).</summary>
    private static StepResult AskWhichSide(StepContext step)
    {
        step.Remember(Place, step.Facts.Place!);
        return step.Ask(Prompt.Choice(Where, "report.ask-where-side", [.. step.Facts.PlaceSides])
            .With(new() { ["place"] = step.Facts.Place! }).IfUnclear("report.where-unclear"));
    }

    /// <summary>Takes into the report what the person has told so far (also in a message between two questions);
    /// always returns false, so it can stand in front of a step's own test.</summary>
    private static bool FillFromFacts(StepContext step)
    {
        var facts = step.Facts;
        if (step.Answer(Who) is null)
        {
            if (facts.ToSomeoneElse == true) step.Remember(Who, "to-someone-else");
            else if (facts.What.Count > 0) step.Remember(Who, "to-me");
        }
        if (facts.What.Count > 0 && ChosenCategories(step).Count == 0)
        {
            step.Remember(Chosen, string.Join(",", facts.What));
            step.Remember(What, ThatIsAll);
            step.Remember(Prefilled, "yes");
        }
        if (facts.District is { } district && step.Answer(Where) is null)
        {
            step.Remember(Where, district);
            if (facts.Place is { } place) step.Remember(Place, place);
        }
        else if (facts.PlaceOnBorder && step.Answer(Place) is null)
            step.Remember(Place, facts.Place!); // the place is known; only the district is asked
        return false;
    }

    private static StepResult AskWhat(StepContext step)
    {
        FillFromFacts(step);
        if (step.Answered(What, ThatIsAll) && step.Answer(Prefilled) is not null && ChosenCategories(step).Count > 0) return step.Next();
        var chosen = ChosenCategories(step);
        var open = Categories.All.Where(c => !chosen.Contains(c)).ToList();
        if (chosen.Count == 0) return step.Ask(Prompt.Choice(What, "report.ask-what", [.. open]).Recognizing(Facts.WhatKey));
        return step.Ask(Prompt.Choice(What, "report.ask-what-more", [ThatIsAll, .. open]).Recognizing(Facts.WhatKey)
            .With(new() { ["chosen"] = Labels(step, chosen) }));
    }

    private static StepResult CollectWhat(StepContext step)
    {
        if (step.Answered(What, ThatIsAll)) return step.Next();
        var told = step.Answered(What, Answers.Recognized) ? step.Turn.Told.What : [step.Answer(What)!];
        var chosen = ChosenCategories(step).Concat(told).Distinct().ToList();
        step.Remember(Chosen, string.Join(",", chosen));
        return chosen.Count == Categories.All.Count ? step.Next() : step.Repeat();
    }

    /// <summary>A district, a place in one (from the words), or a shared location (as a grid cell, never coordinates).</summary>
    private static StepResult ResolveWhere(StepContext step)
    {
        if (!step.Answered(Where, Answers.Recognized)) return step.Next();
        if (step.Turn.SharedCell is { } cell)
        {
            step.Remember(Where, Districts.Elsewhere);
            step.Remember(Cell, cell);
            step.Say("report.location-received");
            return step.Next();
        }
        if (step.Facts.PlaceOnBorder) return AskWhichSide(step); // a bridge between two districts
        step.Remember(Where, step.Facts.District!);
        if (step.Facts.Place is { } place) step.Remember(Place, place);
        return step.Next();
    }

    private static StepResult ResolveWhen(StepContext step)
    {
        var local = TimeZoneInfo.ConvertTime(step.Now, RotterdamTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var facts = step.Facts;
        switch (step.Answer(When))
        {
            case "just-now": (facts.Date, facts.Part) = (Iso(today), WhenRecognizer.PartOf(local.Hour)); break;
            case "today": (facts.Date, facts.Part) = (Iso(today), null); break;
            case "yesterday": (facts.Date, facts.Part) = (Iso(today.AddDays(-1)), null); break;
            case "this-week": (facts.Date, facts.Part) = (Iso(today.AddDays(-(((int)today.DayOfWeek + 6) % 7))), null); break;
            case "earlier": (facts.Date, facts.Part) = (null, null); break;
        }
        step.Remember(When, facts.Date is null ? "earlier" : "known");
        return step.Next();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
            ["when"] = step.Facts.Day is null ? step.Text("report.when-unknown") : WhenWords.Describe(step, step.Facts),
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
                step.Say(step.Answered(FollowUpKey, "no-follow-up") ? "report.next-no-follow-up" : "report.next-follow-up",
                    new Dictionary<string, string> { ["readOn"] = ReadOn(step) });
                // Touched: a report goes to the city, but the person may want someone to talk to.
                if (ChosenCategories(step).Contains("touching")) return step.Ask(Prompt.YesNo(TouchingHelp, "report.ask-touching-help"));
                return step.End();
            case "start-again":
                // Everything is asked again, also what was filled in from the person's own words.
                step.Facts.Forget([Facts.WhenKey, Facts.WhereKey, Facts.WhatKey]);
                step.Facts.ToSomeoneElse = null;
                foreach (var key in new[] { Who, What, Chosen, Where, Place, When, Cell, Prefilled }) step.Forget(key);
                return step.Loop();
            default:
                step.Say("report.cancelled");
                return step.End();
        }
    }

    private static StepResult OfferHelpAfterTouching(StepContext step)
    {
        if (step.Answered(TouchingHelp, Answers.Yes)) step.Route(Routing.HelpRoutes.AfterTouching);
        return step.End();
    }

    /// <summary>"vandaag", or the working day the report will be read ("op maandag 7 december").</summary>
    private static string ReadOn(StepContext step) =>
        (step.Turn.Reports is { } book ? book.ReadOn(step.Now) : ReadingHours.ReadOn(step.Now)) is { } day
            ? step.Text("report.read-on-day", new Dictionary<string, string>
              {
                  ["day"] = day.ToString("dddd d MMMM", CultureInfo.GetCultureInfo(step.Text("language.culture"))),
              })
            : step.Text("report.read-today");

    private static ReportSubmitted Submission(StepContext step, string code) => new(
        code,
        HappenedToReporter: step.Answered(Who, "to-me"),
        Categories: ChosenCategories(step),
        District: step.Answer(Where)!,
        GridCell: step.Answer(Cell),
        Place: step.Answer(Place) is { } p && p != SkipIt ? p : null,
        OccurredOn: step.Facts.Day,
        PartOfDay: step.Facts.Part,
        Description: step.Answer(Description) is { } d && d != SkipIt ? d : null,
        FollowUp: step.Answer(FollowUpKey) switch { "follow-up-chat" => FollowUp.InChat, "follow-up-phone" => FollowUp.ByPhone, _ => FollowUp.None },
        Phone: step.Answered(FollowUpKey, "follow-up-phone") ? step.Answer(Phone) : null,
        CallWindow: step.Answered(FollowUpKey, "follow-up-phone") ? step.Answer(Window) : null,
        HandoverConsent: step.Answered(Handover, Answers.Yes),
        Language: step.Language,
        Signals: [.. step.Signals]);

    private static List<string> ChosenCategories(StepContext step) =>
        (step.Answer(Chosen) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Labels(StepContext step, IEnumerable<string> ids) =>
        string.Join(", ", ids.Select(id => step.Text("choice." + id).ToLower(CultureInfo.CurrentCulture)));
}
