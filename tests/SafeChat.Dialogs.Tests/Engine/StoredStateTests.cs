using System.Text.Json;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>What the host stores of a conversation each turn (and keeps in memory while it is open) holds no value it can
/// work out again: the top of the stack, whether a question is yes/no, what the date fact makes of itself.</summary>
public class StoredStateTests
{
    [Fact]
    public void The_stored_state_keeps_no_derived_values_and_the_conversation_goes_on_from_it()
    {
        var chat = EngineDriver.AtMenu("nl");
        chat.Say("gisteravond rond 11 uur liep een man me achterna");

        using var stored = JsonDocument.Parse(chat.SavedState);
        var names = Names(stored.RootElement).ToHashSet();
        Assert.DoesNotContain("active", names);
        Assert.DoesNotContain("isYesNo", names);
        Assert.DoesNotContain("knowsWhen", names);
        Assert.DoesNotContain("day", names);
        Assert.NotNull(chat.State.Active);
        Assert.True(chat.State.Facts.KnowsWhen, "the date told survives the stored state");
        Assert.NotEmpty(chat.Restarted().Say("nee"));
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
