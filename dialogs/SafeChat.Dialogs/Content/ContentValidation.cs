namespace SafeChat.Dialogs.Content;

/// <summary>
/// Start-up and test checks: every key in every language, the same arguments everywhere,
/// and every directory placeholder pointing at a field that exists.
/// </summary>
public static class ContentValidation
{
    public static IReadOnlyList<string> Check(ContentCatalog catalog)
    {
        var problems = new List<string>();
        var packs = catalog.Packs;
        var allKeys = packs.SelectMany(p => p.Texts.Keys).ToHashSet();

        foreach (var pack in packs)
        {
            foreach (var missing in allKeys.Where(k => !pack.Texts.ContainsKey(k)).Order())
                problems.Add($"{pack.Language}: text '{missing}' is missing.");
            foreach (var (key, text) in pack.Texts)
                problems.AddRange(CheckPlaceholders(catalog.Directory, pack.Language, key, text));
        }

        foreach (var key in allKeys)
        {
            var argSets = packs.Where(p => p.Texts.ContainsKey(key))
                .Select(p => string.Join(",", Arguments(p.Texts[key]).Order()))
                .Distinct().ToList();
            if (argSets.Count > 1)
                problems.Add($"Text '{key}' takes different arguments in different languages: {string.Join(" / ", argSets)}.");
        }
        return problems;
    }

    public static IEnumerable<string> Arguments(string text) =>
        Placeholders.In(text).Where(m => m.Groups["arg"].Success).Select(m => m.Groups["arg"].Value).Distinct();

    private static IEnumerable<string> CheckPlaceholders(ServiceDirectory directory, string language, string key, string text)
    {
        foreach (var m in Placeholders.In(text).Where(m => m.Groups["field"].Success))
        {
            var field = m.Groups["field"].Value;
            var serviceKey = m.Groups["key"].Value;
            if (!Placeholders.DirectoryFields.Contains(field))
                yield return $"{language}/{key}: unknown placeholder field '{field}'.";
            else if (!directory.Services.TryGetValue(serviceKey, out var service))
                yield return $"{language}/{key}: no service '{serviceKey}' in the directory.";
            else if ((field == "phone" && service.Phone is null) || (field == "url" && service.Url is null))
                yield return $"{language}/{key}: service '{serviceKey}' has no {field}.";
        }
    }
}
