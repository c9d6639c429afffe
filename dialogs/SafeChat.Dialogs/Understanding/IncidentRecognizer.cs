using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Understanding;

/// <summary>What happened, in the report's categories (remarks, gestures, following, touching, exposure, photos),
/// from the language module's words.</summary>
public sealed class IncidentRecognizer(LanguageData language)
{
    public IReadOnlyList<string> Recognize(string normalized) =>
        Categories.All.Where(c => language.Incidents.TryGetValue(c, out var words) && words.In(normalized)).ToList();
}
