using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Content;

/// <summary>
/// Placeholders in texts: {phone:KEY}, {name:KEY}, {url:KEY}, {hours:KEY} read the service directory;
/// {arg} is a value the flow passes in.
/// </summary>
public static partial class Placeholders
{
    public static readonly IReadOnlySet<string> DirectoryFields = new HashSet<string> { "phone", "name", "url", "hours" };

    [GeneratedRegex(@"\{(?:(?<field>[a-z]+):(?<key>[a-z0-9-]+)|(?<arg>[a-zA-Z][a-zA-Z0-9]*))\}")]
    public static partial Regex Pattern();

    public static IEnumerable<Match> In(string text) => Pattern().Matches(text);
}
