using CertKit.Analyzers.Flow;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>Remembered answers without a lock: a key only ever gets its own answer, whichever key last took its slot.</summary>
public class AnswerSlotsTests
{
    [Fact]
    public void Two_keys_in_one_slot_never_get_each_others_answer()
    {
        var slots = new AnswerSlots<string, int>(16);

        Assert.False(slots.TryGet(7, "alpha", out _));
        Assert.Equal(1, slots.Remember(7, "alpha", 1));
        Assert.True(slots.TryGet(7, "alpha", out var alpha));
        Assert.Equal(1, alpha);

        // Same hash, another key: not found, then it takes the slot and the first key is answered anew.
        Assert.False(slots.TryGet(7, "beta", out _));
        slots.Remember(7, "beta", 2);
        Assert.True(slots.TryGet(7, "beta", out var beta));
        Assert.Equal(2, beta);
        Assert.False(slots.TryGet(7, "alpha", out _));
    }

    [Fact]
    public void Keys_are_compared_by_reference_so_an_equal_but_other_object_only_misses()
    {
        var slots = new AnswerSlots<string, bool>(16);
        var built = new string("accessToken".ToCharArray());
        slots.Remember(1, built, true);

        Assert.True(slots.TryGet(1, built, out var known));
        Assert.True(known);
        Assert.False(slots.TryGet(1, "accessToken", out _));
    }

    [Fact]
    public void Threads_sharing_few_slots_only_ever_read_the_answer_of_their_own_key()
    {
        // Eight slots for 64 keys on four threads: slots are taken over all the time.
        var slots = new AnswerSlots<string, int>(8);
        var keys = new string[64];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = "name" + i;
        }

        var wrong = 0;
        var hits = 0;
        var threads = new Thread[4];
        for (var t = 0; t < threads.Length; t++)
        {
            var seed = t;
            threads[t] = new Thread(() =>
            {
                var random = new Random(seed);
                for (var n = 0; n < 50_000; n++)
                {
                    var i = random.Next(keys.Length);
                    var key = keys[i];
                    if (slots.TryGet(key.GetHashCode(), key, out var answer))
                    {
                        Interlocked.Increment(ref hits);
                        if (answer != i)
                        {
                            Interlocked.Increment(ref wrong);
                        }
                    }
                    else
                    {
                        slots.Remember(key.GetHashCode(), key, i);
                    }
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(60)));
        }

        Assert.Equal(0, wrong);
        Assert.True(hits > 0);
    }
}
