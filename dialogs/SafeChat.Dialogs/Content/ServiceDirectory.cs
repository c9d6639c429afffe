using System.Text.Json;

namespace SafeChat.Dialogs.Content;

/// <summary>
/// The single source of every phone number, opening hour and URL the bot gives out.
/// Texts never contain a number: they name an entry, e.g. {phone:csg}.
/// </summary>
public sealed class ServiceDirectory
{
    public required string VerifiedOn { get; init; }
    public required IReadOnlyDictionary<string, Service> Services { get; init; }

    public Service this[string key] =>
        Services.TryGetValue(key, out var service)
            ? service
            : throw new KeyNotFoundException($"The service directory has no entry '{key}'.");

    public static ServiceDirectory Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<DirectoryFile>(json, JsonOptions)
                   ?? throw new InvalidDataException("The service directory file is empty.");
        return new ServiceDirectory { VerifiedOn = file.VerifiedOn, Services = file.Services };
    }

    public static ServiceDirectory LoadEmbedded() =>
        Load(EmbeddedContent.Open("services.json"));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record DirectoryFile(string VerifiedOn, Dictionary<string, Service> Services);
}

public sealed record Service(
    Dictionary<string, string> Name,
    string? Phone,
    string? Url,
    Dictionary<string, string> Hours,
    string For,
    string VerifiedOn,
    string Source)
{
    public string NameIn(string language) => Name.GetValueOrDefault(language) ?? Name["nl"];
    public string HoursIn(string language) => Hours.GetValueOrDefault(language) ?? Hours["nl"];
}
