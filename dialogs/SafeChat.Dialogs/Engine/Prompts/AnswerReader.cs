using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine.Prompts;

/// <summary>
/// Reads a reply as the answer to the waiting question: one of the choices (number, label, synonym), yes/no/unsure as
/// people say them, the fact the question asks for (a date, a place…), a signal that picks a choice, or free text.
/// The weakest readings (a reply that only starts with a choice or with yes/no) are separate, for last.
/// </summary>
public sealed class AnswerReader(ChoiceMatcher matcher, TurnContext turn)
{
    /// <summary>The answer the reply gives, or null when it is not an answer.</summary>
    public string? Read(PendingPrompt prompt)
    {
        var normalized = turn.NormalizedText;
        if (matcher.Match(prompt, turn.Text)?.Id is { } id) return id;
        var said = turn.Understander.Answers.Recognize(normalized, turn.Language);
        // "nee, ik durf niet te bellen, hij kan me horen": still in danger, whatever the reply starts with.
        if (prompt.IsDangerQuestion && turn.Understander.Answers.SaysStillInDanger(normalized)) said = ShortAnswer.Yes;
        // "ik heb 112 gebeld, ze komen eraan": help is on its way, which is not the end of the danger.
        if (prompt.IsDangerQuestion && said is null && turn.Understander.SaysCalled112(normalized)) said = ShortAnswer.Unsure;
        // "ik ben niet in gevaar", "I'm safe now" answer the danger question with no.
        if (prompt.IsDangerQuestion && said is null && Triage.Rules.SafeStatements.IsSafeStatement(turn.Text ?? "")) said = ShortAnswer.No;
        // "Ben je nu in gevaar?" is answered with "nee, hij is weg" or "ja, hij staat er nog": the start is the answer.
        // … except a leading "oké" before words without danger ("oke. kunnen we verder?"): that says the message was read.
        // … and not a "no" or "I'm safe" before a sentence of him or of hiding ("im safe. im hiding in the toilet").
        if (prompt.IsDangerQuestion && said is null
            && !(turn.Understander.Answers.StartsWithAcknowledgement(normalized) && turn.Triage.Danger == Triage.SafetyLevel.None))
            said = turn.Understander.Answers.RecognizeLeading(normalized, turn.Language) is { } leading
                   && (leading != ShortAnswer.No || !turn.SpeaksOfHimStill) ? leading : null;
        // "Beijerlandselaan", "ik ben bij Wilhelminaplein": where the person is now, which does not say the danger is over.
        if (prompt.IsDangerQuestion && said is null && OnlyWhereNow()) said = ShortAnswer.Unsure;
        if (prompt.IsYesNo && said is ShortAnswer.Yes or ShortAnswer.No) return said == ShortAnswer.Yes ? Answers.Yes : Answers.No;
        if (prompt.Recognizes is { } fact && Told(fact)) return Answers.Recognized;
        if (said == ShortAnswer.Unsure && prompt.UnsureMeans is { } unsure) return unsure;
        var bySignal = prompt.Choices.Where(c => c.Signal is { } s && turn.Triage.Has(s)).ToList();
        if (bySignal.Count == 1) return bySignal[0].Id;
        if (prompt.PastMeans is { } past && turn.Told.When is not null && turn.Triage.Danger == Triage.SafetyLevel.None
            && !Triage.Rules.DangerCues.Now.IsMatch(normalized)) return past;
        return prompt.Kind == PromptKind.Text ? FreeText(prompt) : null;
    }

    /// <summary>The reply is one of the question's own choices (its label, number or synonym).</summary>
    public bool PicksAChoice(PendingPrompt prompt) => matcher.Match(prompt, turn.Text) is not null;

    private string? LeadingYesNo(PendingPrompt prompt) =>
        !prompt.IsYesNo ? null
        : turn.Understander.Answers.RecognizeLeading(turn.NormalizedText, turn.Language) switch
        {
            ShortAnswer.Yes => Answers.Yes,
            ShortAnswer.No => Answers.No,
            ShortAnswer.Unsure => prompt.UnsureMeans,
            _ => null,
        };

    /// <summary>A short reply that names a place and nothing else of what happened (no time, person or act).</summary>
    private bool OnlyWhereNow() =>
        turn.Told is { Place: not null, When: null, Who: null, What.Count: 0 }
        && turn.WordCount <= PlaceReplyWords;

    private const int PlaceReplyWords = 6;

    private bool Told(string fact) => fact switch
    {
        Facts.WhenKey => turn.Told.When is not null,
        Facts.WhoKey => turn.Told.Who is not null,
        Facts.WhereKey => turn.Told.Place is not null || turn.SharedCell is not null,
        Facts.WhatKey => turn.Told.What.Count > 0,
        _ => false,
    };

    /// <summary>"nee, dat hoeft niet", "Centrum graag": the first word of the reply.</summary>
    public string? Leading(PendingPrompt prompt) =>
        matcher.MatchFirstWord(prompt, turn.Text)?.Id ?? LeadingYesNo(prompt)
        ?? matcher.MatchWithin(prompt, turn.Text, Triage.Rules.Negation.In)?.Id
        ?? (prompt.AdviceMeans is { } advice && turn.Understander.AsksWhatToDo(turn.NormalizedText) ? advice : null);

    private string? FreeText(PendingPrompt prompt)
    {
        if (string.IsNullOrWhiteSpace(turn.Text)) return null;
        var text = turn.Text.Trim();
        if (text.Length > Prompt.MaxTextLength) text = text[..Prompt.MaxTextLength];
        return prompt.Scrubbed ? Reports.TextScrubber.Scrub(text) : text;
    }
}
