using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Tests.Support;

/// <summary>Help lines by their directory key, so tests follow when staff correct a number in services.json.</summary>
public static class HelpLines
{
    private static readonly ServiceDirectory Directory = ServiceDirectory.LoadEmbedded();

    /// <summary>The tel: link web chat offers for a directory entry, e.g. Tel("csg").</summary>
    public static string Tel(string key) => "tel:" + new string(Directory[key].Phone!.Where(c => char.IsDigit(c) || c == '+').ToArray());

    public static string Phone(string key) => Directory[key].Phone!;
}
