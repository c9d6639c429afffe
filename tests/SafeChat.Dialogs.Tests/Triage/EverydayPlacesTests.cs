using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// Blind round 14: "i'm not in danger right now, i'm at school" got the 112 check question. Being at school, at work or
/// at a parent's or friend's place, "not in danger right now", and home said in few words ("now i home", "ik nu thuis"),
/// are safe parts of a message like "thuis" is; with anything of danger beside them, the danger still counts.
/// </summary>
public class EverydayPlacesTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("no i'm not in danger right now, i'm at work")]
    [InlineData("i'm at my mum's place now, all good")]
    [InlineData("ik zit nu op mijn werk, niks aan de hand")]
    [InlineData("ik ben bij mijn oma, het gaat wel")]
    // Telegraphic, as someone writes who is new to the language (the isolated women SafeChat is for).
    [InlineData("not now, me at home")]
    [InlineData("nu niet, ik nu thuis")]
    public void At_school_work_or_family_and_saying_so_is_no_danger(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("i'm at work and he is waiting for me outside the door")]
    [InlineData("ik zit op school maar hij staat bij het hek op me te wachten")]
    [InlineData("me home now but he knock the door again and again")]
    public void Danger_beside_an_everyday_place_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    /// <summary>Blind round 15: "alles is in orde", "everything's good" say the person is safe, as "alles is goed" did;
    /// being home says nothing about thoughts of suicide, which still get 113.</summary>
    [Theory]
    [InlineData("ik zit thuis en alles is in orde")]
    [InlineData("im home and everything is good")]
    public void Everything_being_good_at_home_is_no_danger(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik ben thuis maar ik wil niet meer leven")]
    [InlineData("i'm home but i don't want to live anymore")]
    public void Words_of_suicide_beside_being_home_still_get_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);
}
