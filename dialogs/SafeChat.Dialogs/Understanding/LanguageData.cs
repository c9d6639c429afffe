using System.Text.Json;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// What one language module (Languages/&lt;language&gt;/understanding.json) tells the recognisers: the culture for
/// Microsoft.Recognizers.Text, how people say yes, no and "I don't know", words for who did it and what happened, and
/// the words that make a date likely. The engine itself names no language.
/// </summary>
public sealed class LanguageData
{
    public required string Language { get; init; }
    public required string RecognizerCulture { get; init; }

    /// <summary>Every letter beyond plain a-z that the module's words are written with ("ş", "ę", "ł"), as written.</summary>
    public IReadOnlySet<char> Letters { get; init; } = new HashSet<char>();
    public required IReadOnlyDictionary<string, PhraseList> Answers { get; init; }

    /// <summary>Words that say the danger is still there, or that the person cannot call because of it ("hij kan me
    /// horen", "he's still here"): to "are you in danger?" they mean yes, whatever the reply starts with.</summary>
    public PhraseList StillInDanger { get; init; } = new([]);

    /// <summary>Words that say 112 or the police has been called ("ik heb 112 gebeld", "the police are coming"): the
    /// reply then says that was right, instead of telling the person to call.</summary>
    public PhraseList Called112 { get; init; } = new([]);
    public required IReadOnlyDictionary<string, PhraseList> People { get; init; }
    public required IReadOnlyDictionary<string, PhraseList> Incidents { get; init; }
    public required PhraseList LongAgo { get; init; }
    public required PhraseList Recently { get; init; }
    public required PhraseList DateCues { get; init; }
    public required IReadOnlyDictionary<string, string> DateSpelling { get; init; }

    /// <summary>The keys of <see cref="DateSpelling"/> of more than one word ("evvelsi gün"): respelled before single words.</summary>
    public PhraseList DatePhrases { get; init; } = new([]);

    /// <summary>Endings a language writes onto a number ("11'de", "12'si"): the date recogniser reads the number alone.</summary>
    public Regex? NumberEndings { get; init; }

    /// <summary>Short words every sentence in this language has: how the language of a message is recognised.</summary>
    public required IReadOnlyList<string> CommonWords { get; init; }

    /// <summary>Greetings, thanks, "ok", "sorry", "wacht even" (kinds: thanks, greeting, other): a whole message of
    /// these is never danger, and gets a friendly word back instead of "I did not understand".</summary>
    public required IReadOnlyDictionary<string, PhraseList> SmallTalk { get; init; }

    /// <summary>Words of someone helping a person they know ("mijn dochter vertelde me"): bystander help is then support.</summary>
    public required PhraseList SupportCues { get; init; }

    /// <summary>Words that show what else a story is about (<see cref="Topics"/>): racism or a headscarf
    /// (discrimination), being gay or trans (lgbti). Each opens one more route.</summary>
    public required IReadOnlyDictionary<string, PhraseList> Topics { get; init; }

    /// <summary>Questions about SafeChat itself ("wat is dit?", "is het anoniem?"), by kind: answered in a line, and the
    /// waiting question is asked again.</summary>
    public required IReadOnlyDictionary<string, PhraseList> ServiceQuestions { get; init; }

    /// <summary>The names of the help lines, by the route that explains each ("csg", "Veilig Thuis", "victim support"): a
    /// short question that names one ("en veilig thuis, is dat anoniem?") is answered with what that line does.</summary>
    public IReadOnlyDictionary<string, PhraseList> HelpLines { get; init; } = new Dictionary<string, PhraseList>();

    /// <summary>Words of doubt about a request ("not sure if I want to report it", "misschien later"): SafeChat then
    /// checks in one line before it starts the flow.</summary>
    public PhraseList Hesitations { get; init; } = new([]);

    /// <summary>Words that, just before a language's name, say the message is not asking for that language ("without
    /// speaking Dutch", "ik spreek geen Engels").</summary>
    public IReadOnlyList<string> LanguageNotAsked { get; init; } = [];

    /// <summary>A cry for help of a word or three ("HULP", "pls help", "sos"), and the words around one ("please", "nu").</summary>
    public required ShortCryWords ShortCries { get; init; }

    /// <param name="Keyboard">The module's keyboard as the Latin keys it sits on ("l" → "д"): a cry typed while the
    /// keyboard was still set to Latin letters is read through it.</param>
    public sealed record ShortCryWords(List<string> Cries, List<string> Fillers, Dictionary<string, string>? Keyboard = null);

    /// <summary>Words of death or harm said as a figure of speech ("ik ga dood van de hitte", "this week is killing me"),
    /// as regular expressions over the corrected, lower-case text.</summary>
    public required IReadOnlyList<string> FiguresOfSpeech { get; init; }

    /// <summary>A question about what to do if something happened to someone ("wat moet ik doen als iemand me volgt?"),
    /// as regular expressions over the corrected, lower-case text: not danger now.</summary>
    public required IReadOnlyList<string> Hypotheticals { get; init; }

    /// <summary>Asking what one can or should do ("hoe kan ik haar helpen?", "what could I have done?"), as regular
    /// expressions over the lower-case text: a question that asks for advice can pick a question's advice choice.</summary>
    public IReadOnlyList<string> AskingWhatToDo { get; init; } = [];

    /// <summary>Messages the engine reads once at start-up, so that every path (danger, a safe statement, a what-if
    /// question, a figure of speech, a report) has built its patterns before the first person writes: the first message in
    /// danger once waited seconds for them.</summary>
    public IReadOnlyList<string> WarmUp { get; init; } = [];

    private sealed record File(
        string RecognizerCulture,
        Dictionary<string, List<string>> Answers,
        List<string>? StillInDanger,
        List<string>? Called112,
        Dictionary<string, List<string>> People,
        Dictionary<string, List<string>> Incidents,
        List<string> LongAgo,
        List<string> Recently,
        List<string> DateCues,
        Dictionary<string, string> DateSpelling,
        List<string>? NumberEndings,
        List<string> CommonWords,
        Dictionary<string, List<string>> SmallTalk,
        List<string> SupportCues,
        Dictionary<string, List<string>> Topics,
        Dictionary<string, List<string>> ServiceQuestions,
        Dictionary<string, List<string>>? HelpLines,
        List<string>? Hesitations,
        ShortCryWords ShortCries,
        List<string> FiguresOfSpeech,
        List<string> Hypotheticals,
        List<string>? AskingWhatToDo,
        List<string>? LanguageNotAsked,
        List<string>? WarmUp);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LanguageData Load(string language, Stream json)
    {
        var raw = new StreamReader(json).ReadToEnd();
        var file = JsonSerializer.Deserialize<File>(raw, Json) ?? throw new InvalidDataException($"{language}/understanding.json is empty.");
        return new LanguageData
        {
            Language = language,
            Letters = raw.ToLowerInvariant().Where(c => c > '\u007F' && char.IsLetter(c)).ToHashSet(),
            RecognizerCulture = file.RecognizerCulture,
            Answers = file.Answers.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            StillInDanger = new PhraseList(file.StillInDanger ?? []),
            Called112 = new PhraseList(file.Called112 ?? []),
            People = file.People.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            Incidents = file.Incidents.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            LongAgo = new PhraseList(file.LongAgo),
            Recently = new PhraseList(file.Recently),
            DateCues = new PhraseList(file.DateCues),
            DateSpelling = file.DateSpelling.ToDictionary(kv => TextNormalizer.Normalize(kv.Key), kv => kv.Value),
            DatePhrases = new PhraseList(file.DateSpelling.Keys.Where(k => k.Trim().Contains(' '))),
            NumberEndings = file.NumberEndings is { Count: > 0 } endings
                ? new Regex($@"^(\d+)'?(?:{string.Join("|", endings.Select(TextNormalizer.Normalize).Select(Regex.Escape))})$", RegexOptions.CultureInvariant)
                : null,
            CommonWords = file.CommonWords.Select(TextNormalizer.Normalize).ToList(),
            SmallTalk = file.SmallTalk.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            SupportCues = new PhraseList(file.SupportCues),
            Topics = file.Topics.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            ServiceQuestions = file.ServiceQuestions.ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            HelpLines = (file.HelpLines ?? []).ToDictionary(kv => kv.Key, kv => new PhraseList(kv.Value)),
            Hesitations = new PhraseList(file.Hesitations ?? []),
            ShortCries = file.ShortCries,
            FiguresOfSpeech = file.FiguresOfSpeech,
            Hypotheticals = file.Hypotheticals,
            AskingWhatToDo = file.AskingWhatToDo ?? [],
            LanguageNotAsked = (file.LanguageNotAsked ?? []).Select(TextNormalizer.Normalize).ToList(),
            WarmUp = file.WarmUp ?? [],
        };
    }
}
