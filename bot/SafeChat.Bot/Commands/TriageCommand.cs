using System.Text.Encodings.Web;
using System.Text.Json;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Bot.Commands;

/// <summary>
/// `dotnet run --project bot/SafeChat.Bot -- triage`: one UTF-8 line in, one JSON object out, same order,
/// nothing else on stdout: the text, its language, the signals (emergency and self_harm whenever the bot shows 112 or
/// 113 first, check question included) and the model's probability per signal. For reviewing triage on real sentences.
/// </summary>
public static class TriageCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="explain">Also write, to stderr, which part decided each signal: a rule (and its words) or the
    /// model (and its probability), and the safety level ("triage --explain").</param>
    /// <param name="conversationLanguage">Read every line as a message in a conversation in this language ("triage --language tr").</param>
    public static int Run(TextReader input, TextWriter output, TextWriter? explain = null, string? conversationLanguage = null)
    {
        var recognizer = new TriageRecognizer();
        var detector = Understander.LoadEmbedded().Detector;
        while (input.ReadLine() is { } line)
        {
            var result = recognizer.Recognize(line, conversationLanguage);
            if (explain is not null)
            {
                explain.WriteLine($"{line}\n  112: {result.Danger}, 113: {result.SelfHarm}");
                foreach (var reason in result.Reasons) explain.WriteLine("  " + reason);
            }
            var json = new
            {
                text = line,
                language = detector.Detect(line) ?? conversationLanguage ?? ContentCatalog.DefaultLanguage,
                signals = Signal.All.Where(result.Signals.Contains).ToArray(),
                scores = Signal.All.ToDictionary(s => s, s => Math.Round(result.Scores.GetValueOrDefault(s), 4)),
            };
            output.WriteLine(JsonSerializer.Serialize(json, Json));
        }
        output.Flush();
        return 0;
    }
}
