using System.Text.Json.Serialization;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// What the person has told so far, from any message: when, who did it, where, what happened, and whether it happened
/// to someone else. Kept with the conversation, so a flow can skip a question that was already answered. A later
/// message that says otherwise replaces a fact: that is how people correct us.
/// </summary>
public sealed class Facts
{
    public const string WhenKey = "when", WhoKey = "who", WhereKey = "where", WhatKey = "what";

    public string? Date { get; set; }
    public PartOfDay? Part { get; set; }
    public bool? WithinAWeek { get; set; }
    public string? Who { get; set; }
    public string? District { get; set; }
    public string? Place { get; set; }

    /// <summary>The districts a place on a border lies between (the Erasmusbrug: Centrum and Feijenoord), while the
    /// district itself is not known.</summary>
    public List<string> PlaceSides { get; set; } = [];

    /// <summary>A place was named that lies on a district border, and which side is not known yet.</summary>
    public bool PlaceOnBorder => District is null && Place is not null && PlaceSides.Count > 1;
    public List<string> What { get; set; } = [];
    public bool? ToSomeoneElse { get; set; }

    /// <summary>What else the story was about (<see cref="Understanding.Topics"/>), from any message.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>The person said it is happening now (danger now was recognised in one of their messages).</summary>
    public bool? HappeningNow { get; set; }

    [JsonIgnore] // Day and KnowsWhen are worked out from Date and WithinAWeek: not stored with the state
    public DateOnly? Day => DateOnly.TryParse(Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
    [JsonIgnore]
    public bool KnowsWhen => Date is not null || WithinAWeek is not null;

    /// <summary>Takes over what a message told; returns the names of the facts that changed.</summary>
    public IReadOnlyList<string> Merge(FactsTold told)
    {
        var changed = new List<string>();
        if (told.When is { } when)
        {
            var date = when.Day?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if ((date ?? Date) != Date || when.WithinAWeek != WithinAWeek || (when.Day?.Part ?? Part) != Part) changed.Add(WhenKey);
            if (date is not null) { Date = date; Part = when.Day!.Part; }
            else if (when.WithinAWeek != WithinAWeek) { Date = null; Part = null; }
            WithinAWeek = when.WithinAWeek;
        }
        if (told.Who is { } who && who != Who) { Who = who; changed.Add(WhoKey); }
        if (told.Place is { District: null, Place: { } onBorder } border && onBorder != Place)
        {
            // A district told before that the border place touches stays; otherwise the flow asks which side.
            Place = onBorder;
            if (District is not null && !border.Sides.Contains(District)) District = null;
            PlaceSides = [.. border.Sides];
            changed.Add(WhereKey);
        }
        else if (told.Place is { District: { } district } place && (district != District || place.Place != Place))
        {
            Place = place.Place ?? (district == District || PlaceSides.Contains(district) ? Place : null);
            District = district;
            PlaceSides = [];
            changed.Add(WhereKey);
        }
        if (told.What.Except(What).Any()) { What = [.. What.Union(told.What)]; changed.Add(WhatKey); }
        if (told.ToSomeoneElse is { } other) ToSomeoneElse = other;
        if (told.Topics.Except(Topics).Any()) Topics = [.. Topics.Union(told.Topics)];
        return changed;
    }

    /// <summary>Forgets facts the person said were wrong, so the flow asks them.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            switch (key)
            {
                case WhenKey: Date = null; Part = null; WithinAWeek = null; break;
                case WhoKey: Who = null; break;
                case WhereKey: District = null; Place = null; PlaceSides = []; break;
                case WhatKey: What = []; break;
            }
        }
    }
}

/// <summary>What one message told.</summary>
public sealed record FactsTold(WhenTold? When, string? Who, PlaceTold? Place, IReadOnlyList<string> What, bool? ToSomeoneElse)
{
    public static readonly FactsTold Nothing = new(null, null, null, [], null);

    public IReadOnlyList<string> Topics { get; init; } = [];
}
