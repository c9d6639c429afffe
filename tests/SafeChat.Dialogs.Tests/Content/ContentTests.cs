using System.Text.RegularExpressions;
using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Tests.Content;

public partial class ContentTests
{
    private static readonly ContentCatalog Catalog = ContentCatalog.LoadEmbedded();

    [Fact]
    public void Every_language_has_every_text_and_placeholders_resolve()
    {
        Assert.Empty(ContentValidation.Check(Catalog));
        Assert.Contains("nl", Catalog.Languages);
        Assert.Contains("en", Catalog.Languages);
    }

    [Fact]
    public void Validation_catches_a_missing_key_and_an_unknown_service()
    {
        var nl = new LanguagePack { Language = "nl", Name = "NL", Texts = new Dictionary<string, string> { ["a"] = "Bel {phone:nobody}", ["b"] = "x" } };
        var en = new LanguagePack { Language = "en", Name = "EN", Texts = new Dictionary<string, string> { ["a"] = "Call {phone:emergency}" } };

        var error = Assert.Throws<InvalidDataException>(() => new ContentCatalog([nl, en], Catalog.Directory));

        Assert.Contains("en: text 'b' is missing", error.Message);
        Assert.Contains("no service 'nobody'", error.Message);
    }

    [Fact]
    public void Validation_catches_arguments_that_differ_between_languages()
    {
        var nl = new LanguagePack { Language = "nl", Name = "NL", Texts = new Dictionary<string, string> { ["a"] = "Hoi {name}" } };
        var en = new LanguagePack { Language = "en", Name = "EN", Texts = new Dictionary<string, string> { ["a"] = "Hi {who}" } };

        Assert.Throws<InvalidDataException>(() => new ContentCatalog([nl, en], Catalog.Directory));
    }

    /// <summary>Dutch phone-number shapes: 0800/0900 numbers, ten-digit numbers starting with 0, three-digit short numbers, and 14 0xx.</summary>
    [GeneratedRegex(@"(?<![\w-])(0\d[\d -]{4,}\d|1\d\d|14 ?0\d\d)(?![\w-])")]
    private static partial Regex NumberLike();

    [Fact]
    public void No_text_contains_a_phone_number_of_its_own()
    {
        // Numbers belong in the service directory; a text names an entry instead.
        foreach (var pack in Catalog.Packs)
        foreach (var (key, text) in pack.Texts)
        {
            var withoutPlaceholders = Placeholders.Pattern().Replace(text, "");
            Assert.False(NumberLike().IsMatch(withoutPlaceholders), $"{pack.Language}/{key} contains a number: {text}");
        }
    }

    [Fact]
    public void Every_rendered_number_is_in_the_directory()
    {
        var known = Catalog.Directory.Services.Values.Select(s => s.Phone).OfType<string>().ToHashSet();
        foreach (var pack in Catalog.Packs)
        foreach (var key in pack.Texts.Keys.Where(k => !ContentValidation.Arguments(pack.Texts[k]).Any()))
        foreach (Match number in NumberLike().Matches(Catalog.Text(pack.Language, key)))
            Assert.Contains(number.Value, known);
    }

    [Fact]
    public void In_a_right_to_left_language_numbers_are_isolated_left_to_right()
    {
        var catalog = ContentCatalog.LoadEmbedded();
        foreach (var pack in catalog.Packs)
        {
            var text = catalog.Text(pack.Language, "route.slachtofferhulp");
            var phone = catalog.Directory["slachtofferhulp"].Phone!;
            if (pack.IsRightToLeft) Assert.Contains($"\u2066{phone}\u2069", text);
            else Assert.DoesNotContain('\u2066', text);
        }
        Assert.Contains(catalog.Packs, p => p.IsRightToLeft);
    }

    [Fact]
    public void Every_directory_entry_says_when_it_was_verified_and_where()
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Catalog.Directory.VerifiedOn);
        foreach (var (key, service) in Catalog.Directory.Services)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", service.VerifiedOn);
            Assert.StartsWith("https://", service.Source);
            Assert.True(service.Phone is not null || service.Url is not null, $"{key} has no way to reach it");
        }
    }
}

/// <summary>Every text in the files is said somewhere: no orphan keys left behind by a changed flow.</summary>
public partial class ContentUsageTests
{
    [GeneratedRegex(@"""([a-z0-9-]+(?:\.[a-z0-9-]+)+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"""([a-z0-9-]+)""")]
    private static partial Regex IdLiteral();

    [Fact]
    public void No_text_is_an_orphan()
    {
        var source = string.Join("\n", new[] { "dialogs", "bot" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root(), folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Select(File.ReadAllText));
        var literals = KeyLiteral().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();
        var ids = IdLiteral().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();
        // Keys built in code: "choice." + id, "status." + status, "leave."/"trace." + channel, "part." + part of day,
        // "service." + the kind of question about SafeChat.
        ids.UnionWith(Enum.GetValues<SafeChat.Dialogs.Engine.ChannelKind>().Select(k => k.ToString().ToLowerInvariant()));
        ids.UnionWith(Enum.GetValues<SafeChat.Dialogs.Reports.PartOfDay>().Select(k => k.ToString().ToLowerInvariant()));
        ids.UnionWith(["thanks", "greeting", "other", "safe"]); // small-talk kinds, from Languages/*/understanding.json
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "dialogs", "SafeChat.Dialogs", "Languages"), "understanding.json", SearchOption.AllDirectories))
            ids.UnionWith(System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("serviceQuestions").EnumerateObject().Select(p => p.Name));
        ids.UnionWith(SafeChat.Dialogs.Live.StaffedHours.DayRanges); // "days." + the staffed days
        string[] built = ["choice.", "status.", "leave.", "trace.", "part.", "switch.", "smalltalk.", "service.", "days."];

        bool Used(string key) =>
            literals.Contains(key) || (built.Any(key.StartsWith) && ids.Contains(key[(key.IndexOf('.') + 1)..]));

        var orphans = ContentCatalog.LoadEmbedded().Pack("nl").Texts.Keys.Where(k => !Used(k)).ToList();
        Assert.True(orphans.Count == 0, "Texts nobody says: " + string.Join(", ", orphans));
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "SafeChat.sln"))) folder = folder.Parent;
        return folder.FullName;
    }
}
