using System.Reflection;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// Everything SafeChat understands beyond the triage signals, for every language module: dates (Microsoft.Recognizers.
/// Text), who did it, where in Rotterdam, what happened, and yes/no/unsure. One instance per engine; thread-safe.
/// </summary>
public sealed partial class Understander
{
    private readonly IReadOnlyDictionary<string, LanguageData> _languages;
    private readonly IReadOnlyDictionary<string, WhenRecognizer> _when;
    private readonly IReadOnlyDictionary<string, PersonRecognizer> _people;
    private readonly IReadOnlyDictionary<string, IncidentRecognizer> _incidents;

    public Understander(IEnumerable<LanguageData> languages, PlaceRecognizer places)
    {
        _languages = languages.ToDictionary(l => l.Language);
        _when = _languages.ToDictionary(kv => kv.Key, kv => new WhenRecognizer(kv.Value));
        _people = _languages.ToDictionary(kv => kv.Key, kv => new PersonRecognizer(kv.Value));
        _incidents = _languages.ToDictionary(kv => kv.Key, kv => new IncidentRecognizer(kv.Value));
        Places = places;
        Answers = new AnswerRecognizer([.. _languages.Values]);
        Detector = new LanguageDetector([.. _languages.Values]);
        ShortCries = new Triage.Rules.ShortCries(_languages.Values.Select(l => l.ShortCries));
        FiguresOfSpeech = new Triage.Rules.PhrasePatterns(_languages.Values.SelectMany(l => l.FiguresOfSpeech));
        Hypotheticals = new Triage.Rules.PhrasePatterns(_languages.Values.SelectMany(l => l.Hypotheticals));
        _askingWhatToDo = new Triage.Rules.PhrasePatterns(_languages.Values.SelectMany(l => l.AskingWhatToDo));
    }

    private readonly Triage.Rules.PhrasePatterns _askingWhatToDo;

    /// <summary>The message says 112 or the police has been called already, in any language.</summary>
    public bool SaysCalled112(string normalized) => _languages.Values.Any(l => l.Called112.In(normalized));

    /// <summary>The message without the words that say 112 or the police has been called.</summary>
    public string WithoutCalled112(string normalized) => _languages.Values.Aggregate(normalized, (rest, l) => l.Called112.Without(rest));

    /// <summary>A word that, just before a language's name, means the message does not ask for it, in any language.</summary>
    public bool DeniesLanguage(string word) => _languages.Values.Any(l => l.LanguageNotAsked.Contains(word));

    /// <summary>The message doubts what it asks for ("not sure if I want to report it"), in any language.</summary>
    public bool Hesitates(string normalized) => _languages.Values.Any(l => l.Hesitations.In(normalized));

    /// <summary>The message asks what one can or should do ("hoe help ik haar", "should I step in?"), in any language.</summary>
    public bool AsksWhatToDo(string normalized) => _askingWhatToDo.In(normalized);

    /// <summary>Questions about what to do if something happened, in every language .</summary>
    public Triage.Rules.PhrasePatterns Hypotheticals { get; }

    /// <summary>Death and harm as a figure of speech, in every language.</summary>
    public Triage.Rules.PhrasePatterns FiguresOfSpeech { get; }

    /// <summary>Cries for help of a word or three, in every language.</summary>
    public Triage.Rules.ShortCries ShortCries { get; }

    public LanguageDetector Detector { get; }

    /// <summary>The message is only small talk and plain yes/no/"weet niet", in any language ("bedankt", "ok thank you
    /// so much", "idk").</summary>
    public bool IsSmallTalk(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return true;
        if (SmallTalkKind(normalized) is not null) return true;
        var rest = Punctuation().Replace(normalized, " ");
        foreach (var list in _languages.Values.SelectMany(l => l.SmallTalk.Values.Concat(l.Answers.Values))) rest = list.Without(rest);
        return rest.Length == 0;
    }

    /// <summary>"closing", "thanks", "greeting" or "other" when the (normalised) message is only small talk: the kind of its
    /// first phrase ("ok thank you so much" counts as thanks), unless it says it is done ("thanks, that's all").</summary>
    public const string Closing = "closing";

    public string? SmallTalkKind(string normalized)
    {
        var text = Punctuation().Replace(normalized, " ").Trim();
        var kinds = _languages.Values.SelectMany(l => l.SmallTalk)
            .SelectMany(kv => kv.Value.FindAll(text).Select(m => (Kind: kv.Key, m.Index))).ToList();
        if (kinds.Count == 0) return null;
        var rest = text;
        foreach (var list in _languages.Values.SelectMany(l => l.SmallTalk.Values.Concat(l.Answers.Values))) rest = list.Without(rest);
        if (rest.Length > 0) return null;
        return kinds.Any(k => k.Kind == Closing) ? Closing
            : kinds.Any(k => k.Kind == "thanks") ? "thanks" : kinds.OrderBy(k => k.Index).First().Kind;
    }

    /// <summary>The kind of question about SafeChat itself a short message asks ("is dit anoniem?"), in any language.</summary>
    public string? ServiceQuestionKind(string normalized) =>
        ShortQuestion(normalized) is { } text
            ? _languages.Values.SelectMany(l => l.ServiceQuestions).FirstOrDefault(kv => kv.Value.In(text.Words)).Key
            : null;

    /// <summary>The message's words without punctuation, and how many, when it is short enough to be a question about
    /// the service; null for a longer message (a story).</summary>
    private static (string Words, int Count)? ShortQuestion(string normalized)
    {
        var words = Punctuation().Replace(normalized, " ").Trim();
        var count = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return count > MaxServiceQuestionWords ? null : (words, count);
    }

    /// <summary>
    /// The route that explains the one help line a short question names ("wat doet slachtofferhulp precies?", "csg?"):
    /// a question mark, or a few words only. Null when none or more than one is named.
    /// </summary>
    public string? HelpLineAskedAbout(string normalized, string text)
    {
        if (ShortQuestion(normalized) is not { } question || question.Count > FewWords && !text.Contains('?')) return null;
        var named = _languages.Values.SelectMany(l => l.HelpLines).Where(kv => kv.Value.In(question.Words)).Select(kv => kv.Key).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private const int FewWords = 6;

    /// <summary>The words of a question about the law or the punishment ("what punishment would he get?": "punishment").</summary>
    public IReadOnlyList<string> LawWords(string normalized) =>
        _languages.Values.SelectMany(l => l.Topics.Where(kv => kv.Key is Topics.Law or Topics.Penalty))
            .SelectMany(kv => kv.Value.FindAll(normalized)).Select(m => m.Value).ToList();

    /// <summary>Longer messages tell a story; a question about the service is short.</summary>
    private const int MaxServiceQuestionWords = 12;

    /// <summary>Someone helping a person they know, in this message ("mijn dochter vertelde me…").</summary>
    public bool SupportsSomeone(string text, string language) => For(_languages, language).SupportCues.In(TextNormalizer.Normalize(text));

    [System.Text.RegularExpressions.GeneratedRegex(@"[,.!?;:]+")]
    private static partial System.Text.RegularExpressions.Regex Punctuation();

    private static readonly Lazy<Understander> EmbeddedInstance = new(LoadEmbeddedNow);

    /// <summary>The language modules and place list built into the assembly (loaded once per process).</summary>
    public static Understander LoadEmbedded() => EmbeddedInstance.Value;

    private static Understander LoadEmbeddedNow()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "SafeChat.Languages.";
        var languages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith("understanding.json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return LanguageData.Load(n[prefix.Length..].Split('/', '\\', '.')[0], stream);
            })
            .ToList();
        return new Understander(languages, PlaceRecognizer.LoadEmbedded());
    }

    public AnswerRecognizer Answers { get; }
    public PlaceRecognizer Places { get; }
    public IEnumerable<string> Languages => _languages.Keys;

    public WhenTold? When(string text, string language, DateTimeOffset now) => For(_when, language).Recognize(text, now);
    public string? Who(string text, string language) => For(_people, language).Recognize(TextNormalizer.Normalize(text));

    /// <summary>Starts the date recogniser of every language (about a second each), so no person waits for it.</summary>
    public void WarmUp()
    {
        foreach (var recognizer in _when.Values) recognizer.WarmUp();
    }

    /// <summary>Every language module's start-up messages (<see cref="LanguageData.WarmUp"/>).</summary>
    public IEnumerable<string> WarmUpMessages => _languages.Values.SelectMany(l => l.WarmUp);

    public IReadOnlyList<string> WarmUpMessagesOf(string language) => _languages[language].WarmUp;

    /// <summary>
    /// The facts a message tells. Who did it and what happened are only read from a message about harm (or when the
    /// question asked for them), so "mijn vriend haalt me op" never makes a partner the perpetrator.
    /// </summary>
    /// <param name="askedFor">The fact the waiting question asks for, or one that decided help just given (so "nee, het
    /// was vorig jaar" is read as a correction).</param>
    public FactsTold Extract(string text, string language, TriageResult triage, DateTimeOffset now, string? askedFor = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return FactsTold.Nothing;
        var aboutHarm = triage.Likely(Signal.SexualViolence) || triage.Likely(Signal.DomesticViolence) || triage.Likely(Signal.StreetHarassment)
                        || triage.Danger == SafetyLevel.Act || triage.Likely(Signal.Bystander);
        var when = When(text, language, now);
        if (when is { Day: null } && !aboutHarm && askedFor != Facts.WhenKey) when = null;
        // People mix languages ("a man filmed me op de roltrap"): the conversation's language first, then the others.
        var who = aboutHarm || askedFor == Facts.WhoKey ? InEveryLanguage(_people, language, r => r.Recognize(normalized)) : null;
        var what = aboutHarm || askedFor == Facts.WhatKey
            ? InEveryLanguage(_incidents, language, r => r.Recognize(normalized) is { Count: > 0 } found ? found : null) ?? []
            : [];
        // A story of harm without a bystander in it is the person's own: that undoes an earlier "it was someone else".
        bool? toSomeoneElse = triage.Likely(Signal.Bystander) ? true : aboutHarm && (who is not null || what.Count > 0) ? false : null;
        // People mix languages, so every language's topic words count.
        var topics = _languages.Values.SelectMany(l => l.Topics).Where(kv => kv.Value.In(normalized)).Select(kv => kv.Key).Distinct().ToList();
        return new FactsTold(when, who, Places.Recognize(normalized), what, toSomeoneElse) { Topics = topics };
    }

    private static TResult? InEveryLanguage<T, TResult>(IReadOnlyDictionary<string, T> byLanguage, string language, Func<T, TResult?> recognize)
        where TResult : class =>
        byLanguage.OrderBy(kv => kv.Key == language ? 0 : 1).Select(kv => recognize(kv.Value)).FirstOrDefault(r => r is not null);

    private T For<T>(IReadOnlyDictionary<string, T> byLanguage, string language) =>
        byLanguage.TryGetValue(language, out var found) ? found : byLanguage.Values.First();
}
