namespace SafeChat.Bot.Tests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots and other evidence a person may want to look at after a run.</summary>
    public static string TestOutput(string name)
    {
        var folder = Path.Combine(Root, "test-output");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static string NodeModule(string relative) => Path.Combine(Root, "tests", "node_modules", relative);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SafeChat.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the SafeChat repository.");
    }
}
