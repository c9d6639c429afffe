namespace SafeChat.TriageTrainer;

/// <summary>Command-line options. The defaults are the ones the committed model was trained with.</summary>
public sealed record Options(float L1, float L2, bool DryRun, bool ShowMistakes, IReadOnlyList<string> Blind)
{
    public static Options Parse(string[] args)
    {
        float l1 = 0.001f, l2 = 0.03f;
        bool dryRun = false, mistakes = false;
        var blind = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--l1": l1 = float.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--l2": l2 = float.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--dry-run": dryRun = true; break;
                case "--mistakes": mistakes = true; break;
                case "--score": blind.Add(args[++i]); break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --l1 X --l2 Y --dry-run --mistakes --score FILE.tsv");
            }
        }
        return new Options(l1, l2, dryRun, mistakes, blind);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SafeChat.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run this inside the SafeChat repository.");
    }
}
