using System.Text.Encodings.Web;
using System.Text.Json;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Commands;

/// <summary>
/// `dotnet run --project bot/SafeChat.Bot -- triage`: one UTF-8 line in, one JSON object out, same order,
/// nothing else on stdout. For reviewing the rules against real sentences.
/// </summary>
public static class TriageCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="explain">Also write, to stderr, which rule gave each signal ("triage --explain").</param>
    public static int Run(TextReader input, TextWriter output, TextWriter? explain = null)
    {
        var recognizer = new TriageRecognizer();
        while (input.ReadLine() is { } line)
        {
            foreach (var (rule, matched) in explain is null ? [] : recognizer.Explain(line))
                explain!.WriteLine($"{rule.Signal}: \"{matched}\" by {rule.Pattern}");
            var signals = recognizer.Recognize(line).Signals;
            var result = new
            {
                text = line,
                language = LanguageDetector.Detect(line) ?? "nl",
                signals = Signal.All.Where(signals.Contains).ToArray(),
            };
            output.WriteLine(JsonSerializer.Serialize(result, Json));
        }
        output.Flush();
        return 0;
    }
}
