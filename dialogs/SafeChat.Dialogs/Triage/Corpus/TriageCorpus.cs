using System.Security.Cryptography;
using System.Text;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage.Corpus;

/// <summary>One labelled sentence of the corpus.</summary>
public sealed record CorpusLine(string Language, string File, int LineNumber, IReadOnlySet<string> Signals, string Text)
{
    /// <summary>The fixed test split: a fifth of the sentences, chosen by a hash of their words, never trained on.
    /// Adding or removing other sentences never moves a sentence from one split to the other.</summary>
    public bool InTestSplit => TriageCorpus.Bucket(Text) < TriageCorpus.TestPercent;
}

/// <summary>
/// The labelled triage sentences, one folder per language: Languages/&lt;language&gt;/triage/*.tsv, each line
/// `signals&lt;TAB&gt;text` (see Triage/LABELLING.md). Read by the trainer and by the tests, not at run time.
/// </summary>
public sealed class TriageCorpus
{
    public const int TestPercent = 20;

    private TriageCorpus(IReadOnlyList<CorpusLine> lines, string sha256)
    {
        Lines = lines;
        Sha256 = sha256;
    }

    public IReadOnlyList<CorpusLine> Lines { get; }

    /// <summary>SHA-256 over every corpus file's path and bytes: the model card records it.</summary>
    public string Sha256 { get; }

    public IEnumerable<CorpusLine> Train => Lines.Where(l => !l.InTestSplit);
    public IEnumerable<CorpusLine> Test => Lines.Where(l => l.InTestSplit);

    /// <param name="languagesFolder">dialogs/SafeChat.Dialogs/Languages</param>
    public static TriageCorpus Load(string languagesFolder)
    {
        var files = Directory.GetDirectories(languagesFolder)
            .Select(dir => Path.Combine(dir, "triage"))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, "*.tsv"))
            .Select(path => Path.GetRelativePath(languagesFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new InvalidDataException($"No triage corpus under {languagesFolder}.");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var lines = new List<CorpusLine>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(languagesFolder, file));
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(bytes);
            lines.AddRange(Parse(file.Split('/')[0], file, Encoding.UTF8.GetString(bytes)));
        }
        return new TriageCorpus(lines, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static IEnumerable<CorpusLine> Parse(string language, string file, string content)
    {
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1].Trim().Length == 0)
                throw new InvalidDataException($"{file}:{number}: expected `signals<TAB>text`.");
            var signals = parts[0] == "-" ? new HashSet<string>() : parts[0].Split(',').Select(s => s.Trim()).ToHashSet();
            var unknown = signals.Where(s => !Signal.All.Contains(s)).ToList();
            if (unknown.Count > 0) throw new InvalidDataException($"{file}:{number}: unknown signal {string.Join(", ", unknown)}.");
            yield return new CorpusLine(language, file, number, signals, parts[1].Trim());
        }
    }

    /// <summary>0–99, from the sentence's normalised words, the same on every machine.</summary>
    public static int Bucket(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(TextNormalizer.Normalize(text)));
        return (int)(BitConverter.ToUInt32(digest, 0) % 100);
    }
}
