namespace SafeChat.Dialogs.Understanding;

/// <summary>How a short reply answers a yes/no question.</summary>
public enum ShortAnswer { Yes, No, Unsure }

/// <summary>
/// Yes, no and "I don't know" as people say them ("ja graag", "klopt", "nee hoor", "liever niet", "yes please",
/// "idk"), in the conversation's language and, since people mix, in every other. <see cref="Recognize"/> takes whole
/// replies only; <see cref="RecognizeLeading"/> also a reply that starts with one and a comma ("nee, dat hoeft niet"),
/// a weaker reading the dialog runner tries last — "ja maar hij staat er nog" is never an answer.
/// </summary>
public sealed class AnswerRecognizer(IReadOnlyList<LanguageData> languages)
{
    public ShortAnswer? Recognize(string normalized, string language)
    {
        if (normalized.Length == 0) return null;
        return InOwnThenOthers(language, data => Whole(data, normalized));
    }

    public ShortAnswer? RecognizeLeading(string normalized, string language)
    {
        if (normalized.Length == 0) return null;
        return InOwnThenOthers(language, data => Leading(data, normalized));
    }

    /// <summary>
    /// Words anywhere in the reply that say the danger is still there, or that the person cannot call because of it
    /// ("ik durf niet te bellen, hij kan me horen", "he's still here"): to "are you in danger?" they mean yes, whatever
    /// the reply starts with (each module's <c>stillInDanger</c>).
    /// </summary>
    public bool SaysStillInDanger(string normalized) => normalized.Length > 0 && languages.Any(l => l.StillInDanger.In(normalized));

    /// <summary>"oke. kunnen we verder": a leading "ok" says the message was read; to "are you still in danger?" it is no
    /// yes (each module's <c>answers.acknowledge</c>).</summary>
    public bool StartsWithAcknowledgement(string normalized) =>
        languages.Any(l => l.Answers.TryGetValue("acknowledge", out var list) && StartsWith(list, normalized));

    /// <summary>The conversation's language decides; failing that, the other languages, but only when they agree:
    /// Polish "no" means yes, English "no" means no, so in a Dutch conversation "no" is no answer rather than a guess.</summary>
    private ShortAnswer? InOwnThenOthers(string language, Func<LanguageData, ShortAnswer?> read)
    {
        if (languages.FirstOrDefault(l => l.Language == language) is { } own && read(own) is { } answer) return answer;
        var others = languages.Where(l => l.Language != language).Select(read).OfType<ShortAnswer>().Distinct().ToList();
        return others.Count == 1 ? others[0] : null;
    }

    private static ShortAnswer? Whole(LanguageData data, string text) => WholeWithoutPunctuation(data, System.Text.RegularExpressions.Regex.Replace(text, @"\s*[,.!?;:]+\s*", " ").Trim());

    private static ShortAnswer? WholeWithoutPunctuation(LanguageData data, string text) =>
        data.Answers.TryGetValue("unsure", out var unsure) && unsure.IsWhole(text) ? ShortAnswer.Unsure
        : data.Answers.TryGetValue("no", out var no) && no.IsWhole(text) ? ShortAnswer.No
        : data.Answers.TryGetValue("yes", out var yes) && yes.IsWhole(text) ? ShortAnswer.Yes
        : null;

    /// <summary>"nee, ik ben veilig", "yes please. I'd like that": the reply starts with an answer and a pause.</summary>
    private static ShortAnswer? Leading(LanguageData data, string text)
    {
        foreach (var (kind, answer) in new[] { ("unsure", ShortAnswer.Unsure), ("no", ShortAnswer.No), ("yes", ShortAnswer.Yes) })
        {
            if (data.Answers.TryGetValue(kind, out var list) && StartsWith(list, text)) return answer;
        }
        return null;
    }

    private static bool StartsWith(PhraseList list, string text) =>
        list.Find(text) is { Index: 0 } m && m.Length < text.Length && text[m.Length] is ',' or '.' or '!' or ';';
}
