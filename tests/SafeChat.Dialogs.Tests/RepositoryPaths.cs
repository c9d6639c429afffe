namespace SafeChat.Dialogs.Tests;

/// <summary>Where the repository is, from wherever the tests run.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Find();

    /// <summary>dialogs/SafeChat.Dialogs/Languages: the language modules, with the triage corpus.</summary>
    public static string Languages => Path.Combine(Root, "dialogs", "SafeChat.Dialogs", "Languages");

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SafeChat.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests must run inside the SafeChat repository.");
    }
}
