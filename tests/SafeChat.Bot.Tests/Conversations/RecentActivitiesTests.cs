using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// The end of the log held in memory for the readers a write wakes: it answers only for a run it knows to be whole and
/// recent, and nothing else. (A wrong answer here is a reply a person never sees, or an erased message that lives on.)
/// </summary>
public sealed class RecentActivitiesTests
{
    private const string Conversation = "c1";
    private readonly FakeTimeProvider _clock = new();
    private readonly ActivitySignals _signals = new();
    private readonly RecentActivities _recent;

    public RecentActivitiesTests() => _recent = new RecentActivities(_signals, _clock);

    private static ActivityRecord Row(long seq) =>
        new() { ConversationId = Conversation, Seq = seq, ActivityId = $"a{seq}", Type = "message", VisibleToClient = true, Json = $"{{\"seq\":{seq}}}" };

    private void Record(params long[] seqs)
    {
        using var write = _recent.BeginWrite(Conversation);
        _recent.Record(Conversation, [.. seqs.Select(Row)], write);
    }

    [Fact]
    public void While_a_write_is_between_its_commit_and_its_record_the_log_answers()
    {
        Record(1, 2);
        var write = _recent.BeginWrite(Conversation);
        var other = _recent.BeginWrite(Conversation); // a post and a turn of the same conversation at once
        // Rows 3 and 4 are committed now; a reader who saw them in the log asks from 2 and must not get an empty page.
        Assert.Null(_recent.TryRead(Conversation, 2, 500));

        _recent.Record(Conversation, [Row(3), Row(4)], write);
        write.Dispose();
        write.Dispose(); // ends once
        Assert.Null(_recent.TryRead(Conversation, 2, 500)); // the other write has not ended

        _recent.Record(Conversation, [Row(5)], other);
        other.Dispose();
        Assert.Equal(5, _recent.TryRead(Conversation, 2, 500)!.Watermark);
    }

    [Fact]
    public async Task A_reader_can_wait_for_the_writes_under_way_and_then_be_answered_from_memory()
    {
        Assert.True(_recent.WritesEnded(Conversation).IsCompleted); // nothing under way: no wait

        Record(1, 2); // the message a stream was woken for
        var turn = _recent.BeginWrite(Conversation);
        var post = _recent.BeginWrite(Conversation); // the next message, at the same moment
        var ended = _recent.WritesEnded(Conversation);
        Assert.Same(ended, _recent.WritesEnded(Conversation)); // readers share one wait

        _recent.Record(Conversation, [Row(3), Row(4)], turn);
        turn.Dispose();
        await Task.Delay(50);
        Assert.False(ended.IsCompleted); // one write is still under way

        _recent.Record(Conversation, [Row(5)], post);
        post.Dispose();
        await ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(5, _recent.TryRead(Conversation, 2, 500)!.Watermark); // one answer from memory for all three
        Assert.True(_recent.WritesEnded(Conversation).IsCompleted);

        var failed = _recent.BeginWrite(Conversation);
        var afterFailure = _recent.WritesEnded(Conversation);
        failed.Dispose(); // a write that recorded nothing also ends the wait; memory then has nothing to say
        await afterFailure.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(_recent.TryRead(Conversation, 2, 500));
    }

    [Fact]
    public void A_writer_that_was_overtaken_does_not_rewind_the_run()
    {
        Record(6, 7);
        Record(9, 10);  // a turn's replies, recorded first
        Record(8);      // the message before them, recorded late

        Assert.Null(_recent.TryRead(Conversation, 7, 500)); // 8 is not known to memory: the database answers
        Assert.Equal(10, _recent.TryRead(Conversation, 8, 500)!.Watermark);
        Assert.Equal(2, _recent.TryRead(Conversation, 8, 500)!.Json.Count);
    }

    [Fact]
    public void A_change_this_instance_did_not_record_and_age_both_empty_it()
    {
        Record(1, 2);
        Assert.NotNull(_recent.TryRead(Conversation, 0, 500));

        _signals.WakeLocal(Conversation); // another instance wrote, or an erasure
        Assert.Null(_recent.TryRead(Conversation, 0, 500));

        Record(3, 4);
        _clock.Advance(RecentActivities.MaxAge);
        Assert.Null(_recent.TryRead(Conversation, 2, 500));
    }

    [Fact]
    public void A_write_that_ends_without_recording_drops_the_tail()
    {
        Record(1, 2);
        // An erasure, a write on the slow path or one whose guard failed: what memory holds may no longer be the log.
        using (_recent.BeginWrite(Conversation)) { }

        Assert.Null(_recent.TryRead(Conversation, 0, 500));
        Record(3);
        Assert.Null(_recent.TryRead(Conversation, 0, 500)); // rows 1 and 2 are not memory's to give any more
        Assert.Equal(3, _recent.TryRead(Conversation, 2, 500)!.Watermark);
    }

    [Fact]
    public void A_quiet_conversation_leaves_memory_on_the_clock_without_further_writes()
    {
        Record(1, 2);
        using var known = new KnownConversations(_signals, _clock);
        known.Remember(Conversation, new KnownConversations.Known(new ActivityLog.Counters(2, DateTime.UtcNow), null));
        Assert.Equal((1, 1), (_recent.Held, known.Held));

        _clock.Advance(RecentActivities.MaxAge);
        Assert.Equal((0, 1), (_recent.Held, known.Held)); // a person still reading: the turn's state stays for their answer

        _clock.Advance(KnownConversations.IdleAfter);
        Assert.Equal(0, known.Held); // what they were typing (a call-back number, perhaps) is gone from memory too
    }

    [Fact]
    public void Known_conversations_forget_what_another_writer_changed_and_what_went_quiet()
    {
        using var known = new KnownConversations(_signals, _clock);
        var entry = new KnownConversations.Known(new ActivityLog.Counters(4, DateTime.UtcNow), null);
        known.Remember(Conversation, entry);
        Assert.True(known.TryGet(Conversation, out _));

        _signals.WakeLocal(Conversation);
        Assert.False(known.TryGet(Conversation, out _));

        known.Remember(Conversation, entry);
        _clock.Advance(KnownConversations.IdleAfter);
        Assert.False(known.TryGet(Conversation, out _));
    }
}
