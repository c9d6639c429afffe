using Microsoft.Extensions.DependencyInjection;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// A probe flow for ordering tests: it answers every message with "N: text", N counting turns in its state.
/// Lost updates, duplicates or reordering all show up in those numbers.
/// </summary>
public sealed class CountingFlow : Dialog
{
    public override string Id => "count";

    public override IReadOnlyList<Step> Steps =>
    [
        s => s.Ask(Prompt.Text("message", "test.ask")),
        s =>
        {
            var n = int.Parse(s.Answer("count") ?? "0") + 1;
            s.Remember("count", n.ToString());
            s.Say("test.count", new Dictionary<string, string> { ["n"] = n.ToString(), ["text"] = s.Answer("message")! });
            return s.Loop();
        },
    ];

    public static void Install(IServiceCollection services) =>
        services.AddSingleton(new ConversationEngine(Content(), new TriageRecognizer(), [new CountingFlow()], "count"));

    private static ContentCatalog Content()
    {
        var real = ContentCatalog.LoadEmbedded();
        var packs = real.Packs.Select(p => new LanguagePack
        {
            Language = p.Language, Name = p.Name, Commands = p.Commands, Synonyms = p.Synonyms, SelectWords = p.SelectWords,
            Texts = new Dictionary<string, string>(p.Texts) { ["test.ask"] = "?", ["test.count"] = "{n}: {text}" },
        });
        return new ContentCatalog(packs, real.Directory);
    }
}
