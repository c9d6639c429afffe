using System.Text.Json;

namespace SafeChat.Bot.Staff.Live;

/// <summary>
/// The short answers the team keeps for live chats (<c>Staff/Live/quick-answers.nl.json</c>, or the file named by
/// <c>Handover:QuickAnswers</c>): read once at start, so a broken file stops the start instead of a chat.
/// </summary>
public sealed class QuickAnswers(IReadOnlyList<QuickAnswers.Answer> all)
{
    public sealed record Answer(string Label, string Text);

    private sealed record FileShape(List<Answer>? Answers);

    public const string DefaultFile = "Staff/Live/quick-answers.nl.json";

    public IReadOnlyList<Answer> All { get; } = all;

    public static QuickAnswers Load(string? file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, string.IsNullOrWhiteSpace(file) ? DefaultFile : file);
        var read = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var answers = read?.Answers ?? throw new InvalidOperationException($"{path}: no \"answers\" list.");
        if (answers.FirstOrDefault(a => string.IsNullOrWhiteSpace(a.Label) || string.IsNullOrWhiteSpace(a.Text) || a.Text.Length > 2000) is { } wrong)
            throw new InvalidOperationException($"{path}: every quick answer needs a label and a text of at most 2000 characters ({wrong.Label}).");
        return new QuickAnswers(answers);
    }
}
