namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Something lasting a turn asks for, such as storing a report. The engine only describes it; the host carries
/// it out in the same transaction as the turn's new state and replies, so it happens exactly once or not at all.
/// </summary>
public interface ITurnEffect;
