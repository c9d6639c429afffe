using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Understanding;

/// <summary>What a message says about when it happened: a day (with part of day) when it names one, and in any case,
/// when it can tell, whether it was in the last seven days (what decides acute sexual-violence care).</summary>
public sealed record WhenTold(WhenItHappened? Day, bool? WithinAWeek);

/// <summary>
/// Microsoft.Recognizers.Text's date and time recogniser, in the conversation's language, turned into what SafeChat
/// keeps: "gisteravond rond 11 uur", "vorige week dinsdag om half 10", "eergisteren", "3 dagen geleden", "afgelopen
/// zaterdagnacht", "yesterday around 10pm". Never a moment in the future: of "vrijdag" it takes the last Friday.
/// The recogniser only runs when the message has a word that can start a date (the language's date cues) or a digit,
/// so ordinary messages cost nothing.
/// </summary>
public sealed partial class WhenRecognizer(LanguageData language)
{
    // Lazy: building a model takes about a second, and GetOrAdd alone may build it twice under concurrent first use.
    private static readonly ConcurrentDictionary<string, Lazy<DateTimeModel>> Models = new();

    /// <summary>Loads the recogniser's patterns for a language (about a second the first time), e.g. at start-up.</summary>
    public void WarmUp() => Model().Parse("gisteren", DateTime.UtcNow);

    public WhenTold? Recognize(string text, DateTimeOffset now)
    {
        // The word lists are read on the message as written and as respelled: respelling can put back what the lists
        // leave out ("dun" → "dün"), or turn a language's date words into ones the recogniser knows.
        var written = TextNormalizer.Normalize(text);
        var normalized = Respell(written);
        if (normalized.Length == 0) return null;
        var local = TimeZoneInfo.ConvertTime(now, RotterdamTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);

        WhenItHappened? day = null;
        bool? rangeWithinAWeek = null;
        if (Digit().IsMatch(normalized) || language.DateCues.In(normalized) || language.DateCues.In(written))
            (day, rangeWithinAWeek) = FromRecognizer(normalized, local.DateTime);

        bool? withinAWeek = day is not null ? today.DayNumber - day.Date.DayNumber <= 7
            : rangeWithinAWeek is { } fromRange ? fromRange
            : language.LongAgo.In(normalized) || language.LongAgo.In(written) ? false
            : language.Recently.In(normalized) || language.Recently.In(written) ? true
            : null;
        return day is null && withinAWeek is null ? null : new WhenTold(day, withinAWeek);
    }

    /// <summary>A day when the text names one; otherwise, for a period ("vorige week", "vorig jaar"), whether any of
    /// it lies in the last seven days — a period that touches them counts as recent, the safe side for acute care.</summary>
    private (WhenItHappened? Day, bool? RangeWithinAWeek) FromRecognizer(string text, DateTime now)
    {
        DateOnly? date = null;
        PartOfDay? part = null;
        bool? rangeWithinAWeek = null;
        foreach (var result in Model().Parse(text, now))
        {
            if (result.Resolution?.GetValueOrDefault("values") is not List<Dictionary<string, string>> values) continue;
            var candidates = values.Select(v => Candidate(v, now)).Where(c => c is not null).Select(c => c!.Value).ToList();
            if (candidates.Count == 0) continue;
            // The recogniser lists readings in its own order (morning before evening, this year before next): take the
            // first one that is not in the future.
            var best = candidates.FirstOrDefault(c => c.Moment <= now.AddMinutes(5));
            if (best.RangeEnd is { } end) { rangeWithinAWeek = end >= now.Date.AddDays(-7); continue; }
            if (best.Moment == default) continue;
            if (best.HasDate && date is null) date = DateOnly.FromDateTime(best.Moment);
            if (!best.HasDate && date is null) date = DateOnly.FromDateTime(best.Moment);
            part ??= best.Part;
        }
        return (date is { } d ? new WhenItHappened(d, part) : null, date is null ? rangeWithinAWeek : null);
    }

    /// <param name="RangeEnd">Set for a period of several days: the period's end, and no single day.</param>
    private readonly record struct Candidate2(DateTime Moment, PartOfDay? Part, bool HasDate, DateTime? RangeEnd = null);

    private static Candidate2? Candidate(Dictionary<string, string> value, DateTime now)
    {
        var type = value.GetValueOrDefault("type");
        var timex = value.GetValueOrDefault("timex") ?? "";
        var part = PartFromTimex(timex);
        switch (type)
        {
            case "date":
            case "datetime":
                if (!TryParse(value.GetValueOrDefault("value"), out var moment)) return null;
                return new Candidate2(moment, part ?? (type == "datetime" ? PartOf(moment.Hour) : null), true);
            case "datetimerange":
            case "daterange":
            {
                if (!TryParse(value.GetValueOrDefault("start"), out var start) || !TryParse(value.GetValueOrDefault("end"), out var end)) return null;
                if (type == "daterange" && (end - start).TotalDays > 1.5) return new Candidate2(start, null, true, end > now ? now : end);
                // "vannacht" said in the afternoon: the night that has just passed.
                if (part == PartOfDay.Night && start > now && start.Date == now.Date) return new Candidate2(now.Date, PartOfDay.Night, true);
                // "vanochtend" said at 7: the recogniser's morning starts at 8, but the person's has begun.
                if (part == PartOfDay.Morning && start > now && start.Date == now.Date) return new Candidate2(now, PartOfDay.Morning, true);
                return new Candidate2(start, part ?? (type == "datetimerange" ? PartOf(start.Hour) : null), true);
            }
            case "time":
            case "timerange":
            {
                var clock = value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start");
                if (!TimeOnly.TryParse(clock, CultureInfo.InvariantCulture, out var time)) return null;
                var at = now.Date + time.ToTimeSpan();
                if (at > now.AddMinutes(5)) at = at.AddDays(-1); // "rond 11 uur" later than now: that was yesterday
                return new Candidate2(at, PartOf(time.Hour), false);
            }
            default:
                return null;
        }
    }

    private static bool TryParse(string? text, out DateTime moment) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);

    private static PartOfDay? PartFromTimex(string timex) =>
        timex.EndsWith("TMO", StringComparison.Ordinal) ? PartOfDay.Morning
        : timex.EndsWith("TAF", StringComparison.Ordinal) ? PartOfDay.Afternoon
        : timex.EndsWith("TEV", StringComparison.Ordinal) ? PartOfDay.Evening
        : timex.EndsWith("TNI", StringComparison.Ordinal) ? PartOfDay.Night
        : null;

    public static PartOfDay PartOf(int hour) => hour switch
    {
        < 6 => PartOfDay.Night,
        < 12 => PartOfDay.Morning,
        < 18 => PartOfDay.Afternoon,
        _ => PartOfDay.Evening,
    };

    /// <summary>Chat spellings the recogniser does not know ("gisteravond", "gister", "2 weken terug"), or a language's
    /// date words in the recogniser's language: phrases first ("evvelsi gün"), then the words between them, and numbers
    /// without the endings the language writes onto them ("saat 11'de" → "at 11"). What a phrase became is not read again.</summary>
    private string Respell(string text)
    {
        var respelled = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var phrase in language.DatePhrases.FindAll(text))
        {
            respelled.Append(RespellWords(text[at..phrase.Index]));
            respelled.Append(language.DateSpelling.GetValueOrDefault(phrase.Value) ?? phrase.Value);
            at = phrase.Index + phrase.Length;
        }
        respelled.Append(RespellWords(text[at..]));
        // Respelled words can repeat ("gece saat 1" → "night at at 1"), which throws the recogniser off; any word twice in
        // a row is read once.
        return WordTwice().Replace(respelled.ToString(), "$1");
    }

    private string RespellWords(string text) =>
        Word().Replace(text, m => language.DateSpelling.GetValueOrDefault(m.Value)
            ?? (language.NumberEndings?.Match(m.Value) is { Success: true } number ? number.Groups[1].Value : m.Value));

    private DateTimeModel Model() =>
        Models.GetOrAdd(language.RecognizerCulture, culture => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(culture).GetDateTimeModel())).Value;

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(\p{L}+)(?: \1\b)+")]
    private static partial Regex WordTwice();
}
