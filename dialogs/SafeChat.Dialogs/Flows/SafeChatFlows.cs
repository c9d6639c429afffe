using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Greeting;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows;

/// <summary>Wires SafeChat's flows, content and triage into one engine.</summary>
public static class SafeChatFlows
{
    public static IReadOnlyList<Dialog> All() => [new GreetingDialog()];

    public static ConversationEngine CreateEngine(ContentCatalog? content = null) =>
        new(content ?? ContentCatalog.LoadEmbedded(), new TriageRecognizer(), All(), GreetingDialog.Name);
}
