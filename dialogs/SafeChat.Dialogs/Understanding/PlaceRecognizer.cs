using System.Reflection;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Understanding;

/// <summary>A Rotterdam district, from its name or from a street, square, station or neighbourhood that lies in it; for
/// a place on a border (a bridge between two districts) no district but the <see cref="Sides"/> it lies between.</summary>
public sealed record PlaceTold(string? District, string? Place)
{
    public IReadOnlyList<string> Sides { get; init; } = [];
}

/// <summary>
/// Finds where it happened in words: "bij metro Beurs" → Centrum, "op de Beijerlandselaan" → Feijenoord. The places are
/// data (rotterdam-places.tsv), the same in every language. A place on a district border names both districts, and the
/// bot asks which of the two rather than guess.
/// </summary>
public sealed class PlaceRecognizer
{
    private readonly IReadOnlyList<(string Place, string District)> _places;
    private readonly PhraseList _names;

    public PlaceRecognizer(IEnumerable<(string Place, string District)> places)
    {
        _places = places.Select(p => (TextNormalizer.Normalize(p.Place), p.District)).ToList();
        _names = new PhraseList(_places.Select(p => p.Place).Concat(Districts.All.Select(d => d.Name)));
    }

    public static PlaceRecognizer LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SafeChat.Understanding.rotterdam-places.tsv")
            ?? throw new FileNotFoundException("rotterdam-places.tsv is missing from the build.");
        using var reader = new StreamReader(stream);
        var places = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2) throw new InvalidDataException($"rotterdam-places.tsv: bad line '{line}'.");
            places.Add((parts[0], parts[1]));
        }
        return new PlaceRecognizer(places);
    }

    public IReadOnlyList<(string Place, string District)> Places => _places;

    public PlaceTold? Recognize(string normalized)
    {
        if (_names.Find(normalized) is not { } match) return null;
        var name = match.Value;
        var district = Districts.All.FirstOrDefault(d => TextNormalizer.Normalize(d.Name) == name).Id
                       ?? _places.First(p => p.Place == name).District;
        var isDistrictName = Districts.All.Any(d => TextNormalizer.Normalize(d.Name) == name);
        if (district.Split('|') is { Length: > 1 } sides) return new PlaceTold(null, Capitalise(name)) { Sides = sides };
        return new PlaceTold(district, isDistrictName ? null : Capitalise(name));
    }

    private static string Capitalise(string place) =>
        string.Join(' ', place.Split(' ').Select(w => w.Length > 2 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
}
