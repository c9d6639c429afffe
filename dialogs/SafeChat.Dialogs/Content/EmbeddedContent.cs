namespace SafeChat.Dialogs.Content;

internal static class EmbeddedContent
{
    private const string Prefix = "SafeChat.Content.";

    public static Stream Open(string name) =>
        typeof(EmbeddedContent).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new FileNotFoundException($"Embedded content '{name}' is missing from the build.");

    public static IEnumerable<string> Names(string folder) =>
        typeof(EmbeddedContent).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder + ".", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]);
}
