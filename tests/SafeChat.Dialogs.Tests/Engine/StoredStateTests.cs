using System.Text.Json;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;

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

    /// <summary>The generated reader and writer (<see cref="ConversationStateJson"/>) keep the text that reflection wrote
    /// before them: a state stored by an older instance reads the same, and an older instance can read a new one.</summary>
    [Fact]
    public void The_generated_state_json_is_the_text_reflection_writes_and_reads_both_ways()
    {
        var byReflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var chat = EngineDriver.AtMenu("nl");
        chat.Say("ik wil een melding maken");
        chat.Say("Iemand anders, ik zag het");
        chat.Say("gisteravond in Noord riep een man me na");
        var fromJourney = chat.State;
        Assert.NotNull(fromJourney.Active?.Prompt);

        foreach (var state in new[] { fromJourney, EveryFieldSet() })
        {
            var generated = ConversationStateJson.Write(state);
            Assert.Equal(JsonSerializer.Serialize(state, byReflection), generated);
            Assert.Equal(generated, JsonSerializer.Serialize(JsonSerializer.Deserialize<ConversationState>(generated, byReflection), byReflection));
            Assert.Equal(generated, ConversationStateJson.Write(ConversationStateJson.Read(JsonSerializer.Serialize(state, byReflection))));
        }
        Assert.Equal(JsonSerializer.Serialize(new ConversationState(), byReflection), ConversationStateJson.Write(ConversationStateJson.Read("{}")));
    }

    /// <summary>A state with every stored field away from its default, so none is left out of the comparison.</summary>
    private static ConversationState EveryFieldSet()
    {
        var handedOver = new DialogFrame { Dialog = "report", Step = 2, Answers = { ["who"] = "someone-else" }, Asked = [1, 2], AskedKeys = ["who"] };
        var state = new ConversationState
        {
            Language = "en", Started = true, LanguageSettled = true, OfferedLanguages = ["nl", "tr"], Live = "waiting", LiveWith = "staff-1",
            SetAside = ["report"], LastRoutedFlow = "info", LastRoutedFacts = ["when"], PendingFlows = ["bystander"], Messages = 7,
            SaidNoDangerAt = 3, WrongReportCodes = 1, SelfHarmLineShownAt = 5, SelfHarmCameUp = true,
            Facts = new SafeChat.Dialogs.Understanding.Facts
            {
                Date = "2026-12-04", Part = PartOfDay.Evening, WithinAWeek = true, Who = "someone-else", District = "Noord", Place = "Zwaanshals",
                PlaceSides = ["Noord", "Centrum"], What = ["following"], ToSomeoneElse = true, Topics = ["safety"], HappeningNow = false,
            },
        };
        state.Stack.Add(new DialogFrame
        {
            Dialog = "live", Step = 1, Answers = { ["reason"] = "talk" }, Asked = [3], AskedKeys = ["reason"], HandedOverFrom = handedOver,
            Prompt = new PendingPrompt(PromptKind.Choice, "reason", "live.ask", [new ChoiceOption("talk", "live.talk", "signal")], Retries: 1),
        });
        return state;
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
