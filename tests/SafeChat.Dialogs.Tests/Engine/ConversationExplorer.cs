namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>Walks the whole conversation by tapping every choice from the start.</summary>
public static class ConversationExplorer
{
    /// <summary>Every distinct question reachable by tapping choices, keyed "dialog#step#prompt", with the state there.</summary>
    public static Dictionary<string, string> AllQuestions(string locale, Action<string, IReadOnlyList<SafeChat.Dialogs.Activities.Activity>>? eachTurn = null)
    {
        var found = new Dictionary<string, string>();
        var start = new EngineDriver();
        var queue = new Queue<(string State, IReadOnlyList<string> Choices)>();
        queue.Enqueue((Snapshot(start, start.Start(locale == "en" ? "en-US" : "nl-NL")), Choices(start)));
        while (queue.Count > 0)
        {
            var (state, choices) = queue.Dequeue();
            var here = new EngineDriver { SavedState = state };
            var frame = here.State.Active;
            if (frame?.Prompt is null) continue;
            var position = $"{frame.Dialog}#{frame.Step}#{frame.Prompt.Key}#{here.State.Stack.Count}";
            if (!found.TryAdd(position, state)) continue;
            foreach (var choice in choices)
            {
                var next = new EngineDriver { SavedState = state };
                var replies = next.Say(choice);
                eachTurn?.Invoke($"{position} → {choice}", replies);
                queue.Enqueue((next.SavedState, replies.Choices()));
            }
        }
        return found;

        static string Snapshot(EngineDriver driver, IReadOnlyList<SafeChat.Dialogs.Activities.Activity> _) => driver.SavedState;
        static IReadOnlyList<string> Choices(EngineDriver driver) =>
            new EngineDriver { SavedState = driver.SavedState }.Say("?").Choices();
    }
}
