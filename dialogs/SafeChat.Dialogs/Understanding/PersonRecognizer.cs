namespace SafeChat.Dialogs.Understanding;

/// <summary>Who did it, as the routes need it: Veilig Thuis only for someone close; CSG for everyone.</summary>
public static class PersonKinds
{
    public const string Partner = "partner", Ex = "ex", Family = "family", Housemate = "housemate";
    public const string Acquaintance = "acquaintance", Stranger = "stranger";

    /// <summary>Partner, ex, family or housemate: harm by them is Veilig Thuis's work.</summary>
    public static bool IsClose(string? kind) => kind is Partner or Ex or Family or Housemate;
}

/// <summary>The first person a message names as the one who did it: "mijn ex", "een jongen van mijn studie",
/// "a stranger". From the language module's word lists; the earliest mention wins, and of mentions that overlap it the
/// longest ("een jongen" is part of "een jongen van mijn studie").</summary>
public sealed class PersonRecognizer(LanguageData language)
{
    public string? Recognize(string normalized)
    {
        var mentions = language.People
            .SelectMany(kv => kv.Value.FindAll(normalized).Select(m => (Kind: kv.Key, m.Index, End: m.Index + m.Length)))
            .OrderBy(x => x.Index)
            .ToList();
        if (mentions.Count == 0) return null;
        var first = mentions[0];
        return mentions.Where(x => x.Index < first.End).MaxBy(x => x.End - x.Index).Kind;
    }
}
