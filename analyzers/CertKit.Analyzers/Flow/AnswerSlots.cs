using System.Threading;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Remembered answers to a pure question about a symbol (does a method's body store?), shared by the threads that analyse
/// one compilation without a lock: a fixed table of slots, each holding one immutable (key, answer) entry that is read and
/// replaced whole. A key whose slot holds another key's entry (or none) is answered anew and takes the slot, so two keys
/// that share a slot only cost a second computation. Keys are compared by reference (a compilation hands out one object per
/// symbol; another object for the same key only misses). Where most keys are asked about once or twice, a
/// <c>ConcurrentDictionary</c> entry per key cost more than this: an insertion per key under a bucket lock, and resizes.
/// Not for keys asked about very often (names): a large sparse table misses the processor's caches on every look-up.
/// </summary>
internal sealed class AnswerSlots<TKey, TAnswer>
    where TKey : class
{
    private readonly Entry?[] entries;
    private readonly int mask;

    /// <param name="slots">A power of two.</param>
    public AnswerSlots(int slots)
    {
        entries = new Entry?[slots];
        mask = slots - 1;
    }

    /// <summary>
    /// A table for about <paramref name="keys"/> keys (the number grows with the compilation's code: a 300k-line one asks
    /// about tens of thousands of names): four slots a key, so few keys share one, within 2^10..2^16 slots.
    /// </summary>
    public static AnswerSlots<TKey, TAnswer> For(int keys)
    {
        var slots = 1 << 10;
        while (slots < keys * 4 && slots < 1 << 16)
        {
            slots <<= 1;
        }

        return new AnswerSlots<TKey, TAnswer>(slots);
    }

    /// <summary>The answer remembered for <paramref name="key"/> (in the slot chosen by <paramref name="hash"/>), if any.</summary>
    public bool TryGet(int hash, TKey key, out TAnswer answer)
    {
        var entry = Volatile.Read(ref entries[Index(hash)]);
        if (entry is not null && ReferenceEquals(entry.Key, key))
        {
            answer = entry.Answer;
            return true;
        }

        answer = default!;
        return false;
    }

    /// <summary>Remembers <paramref name="answer"/> for <paramref name="key"/>, in place of whatever its slot held.</summary>
    public TAnswer Remember(int hash, TKey key, TAnswer answer)
    {
        Volatile.Write(ref entries[Index(hash)], new Entry(key, answer));
        return answer;
    }

    // Fibonacci hashing: neighbouring hashes (span starts, short names) spread over the table.
    private int Index(int hash) => (int)(((uint)hash * 2654435769u) >> 16) & mask;

    private sealed class Entry
    {
        public Entry(TKey key, TAnswer answer)
        {
            Key = key;
            Answer = answer;
        }

        public TKey Key { get; }

        public TAnswer Answer { get; }
    }
}
