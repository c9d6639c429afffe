namespace SafeChat.Dialogs.Content;

/// <summary>All bot texts in every language, plus the service directory they refer to.</summary>
public sealed class ContentCatalog
{
    public const string DefaultLanguage = "nl";

    private readonly IReadOnlyDictionary<string, LanguagePack> _packs;

    public ContentCatalog(IEnumerable<LanguagePack> packs, ServiceDirectory directory)
    {
        _packs = packs.ToDictionary(p => p.Language);
        Packs = [.. _packs.Values];
        Offered = [.. _packs.Values.OrderBy(p => p.Language == DefaultLanguage ? 0 : 1).ThenBy(p => p.Language, StringComparer.Ordinal)];
        Directory = directory;
        var problems = ContentValidation.Check(this);
        if (problems.Count > 0)
            throw new InvalidDataException("Content is not valid:\n" + string.Join("\n", problems));
    }

    /// <param name="enabled">The languages to offer (setting <c>Languages:Enabled</c>); null or empty offers every module.
    /// A municipality can switch off a language that no native speaker has reviewed yet.</param>
    public static ContentCatalog LoadEmbedded(IReadOnlyCollection<string>? enabled = null)
    {
        var packs = EmbeddedContent.Names("Texts").Select(n => LanguagePack.Load(EmbeddedContent.Open(n))).ToList();
        if (enabled is { Count: > 0 })
        {
            var unknown = enabled.Where(code => packs.All(p => p.Language != code)).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"Languages:Enabled names {string.Join(", ", unknown)}, which has no module; there are {string.Join(", ", packs.Select(p => p.Language).Order())}.");
            if (!enabled.Contains(DefaultLanguage))
                throw new InvalidDataException($"Languages:Enabled must include the default language, {DefaultLanguage}.");
            packs = packs.Where(p => enabled.Contains(p.Language)).ToList();
        }
        return new ContentCatalog(packs, ServiceDirectory.LoadEmbedded());
    }

    public ServiceDirectory Directory { get; }
    public IReadOnlyCollection<LanguagePack> Packs { get; }
    public IEnumerable<string> Languages => _packs.Keys;

    public LanguagePack Pack(string language) =>
        _packs.GetValueOrDefault(language) ?? _packs[DefaultLanguage];

    public bool Has(string language) => _packs.ContainsKey(language);

    /// <summary>The offered languages in the order they are listed: the default first, then by code.</summary>
    public IReadOnlyList<LanguagePack> Offered { get; }

    /// <summary>Every offered language's name in its own script, the default first: "Nederlands · English · Türkçe".</summary>
    public string Names(string? except = null) => string.Join(" · ", Offered.Where(p => p.Language != except).Select(p => p.Name));

    /// <summary>The whole (normalised) message is a command or a language's name, in any language ("terug", "stop").</summary>
    public bool IsCommandWord(string normalized) =>
        normalized.Length > 0 && _packs.Values.Any(p => p.IsSelectedBy(normalized)
            || p.CommandFor(normalized) is not null);

    /// <summary>"stop", "niet meer wachten": the person no longer wants to wait for someone from the team.</summary>
    public bool IsStopWaiting(string language, string normalized) =>
        Pack(language).IsCommand("stop-waiting", normalized);

    /// <summary>In a right-to-left text a number or address is isolated as left-to-right (U+2066 … U+2069), or the two
    /// halves of a number with a hyphen may show in reverse order.</summary>
    private static string LeftToRight(LanguagePack pack, string value) => pack.IsRightToLeft ? $"\u2066{value}\u2069" : value;

    /// <summary>Renders a text with its directory entries and arguments filled in.</summary>
    public string Text(string language, string key, IReadOnlyDictionary<string, string>? args = null)
    {
        var pack = Pack(language);
        // A text without arguments is the same every time (texts and directory are fixed once loaded): filled in once.
        if (args is null) return _filledIn.GetOrAdd((pack.Language, key), static (k, catalog) => catalog.FillIn(catalog.Pack(k.Language), k.Key, null), this);
        return FillIn(pack, key, args);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Key), string> _filledIn = new();

    private string FillIn(LanguagePack pack, string key, IReadOnlyDictionary<string, string>? args)
    {
        if (!pack.Texts.TryGetValue(key, out var template))
            throw new KeyNotFoundException($"No text '{key}' in language '{pack.Language}'.");
        return Placeholders.Pattern().Replace(template, m =>
        {
            if (m.Groups["arg"].Success)
                return args?.GetValueOrDefault(m.Groups["arg"].Value)
                       ?? throw new ArgumentException($"Text '{key}' needs the argument '{m.Groups["arg"].Value}'.");
            var service = Directory[m.Groups["key"].Value];
            return m.Groups["field"].Value switch
            {
                "phone" => LeftToRight(pack, service.Phone!),
                "url" => LeftToRight(pack, service.Url!),
                "name" => service.NameIn(pack.Language),
                _ => service.HoursIn(pack.Language),
            };
        });
    }
}
