namespace SafeChat.Dialogs.Reports;

/// <summary>Rotterdam's 14 districts, as choice ids; the names are the same in every language.</summary>
public static class Districts
{
    public static readonly IReadOnlyList<(string Id, string Name)> All =
    [
        ("centrum", "Centrum"), ("delfshaven", "Delfshaven"), ("feijenoord", "Feijenoord"), ("charlois", "Charlois"),
        ("ijsselmonde", "IJsselmonde"), ("kralingen-crooswijk", "Kralingen-Crooswijk"), ("noord", "Noord"),
        ("overschie", "Overschie"), ("hillegersberg-schiebroek", "Hillegersberg-Schiebroek"), ("prins-alexander", "Prins Alexander"),
        ("hoogvliet", "Hoogvliet"), ("pernis", "Pernis"), ("rozenburg", "Rozenburg"), ("hoek-van-holland", "Hoek van Holland"),
    ];

    public const string Elsewhere = "elsewhere";

    public static string NameOf(string id) => All.FirstOrDefault(d => d.Id == id).Name ?? id;
}
