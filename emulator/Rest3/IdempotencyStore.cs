using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Rest3;

/// <summary>An answer as sent: its status and body.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record StoredAnswer(int Status, string Body);

/// <summary>What became of a call with an <c>Idempotency-Key</c>.</summary>
internal enum IdempotentRun
{
    /// <summary>The call ran; its answer is the one given.</summary>
    Ran,

    /// <summary>The call did not run: the answer is the one stored for the key.</summary>
    Replayed,

    /// <summary>The call did not run: the key was used with another body.</summary>
    KeyReused,
}

/// <summary>
/// The answers of REST 3.0 writes sent with an <c>Idempotency-Key</c>, for 24 hours: per key, caller and method, the
/// first successful answer and the parameters it was for. Calls with the same key wait for each other, so that two
/// at once never both run.
/// </summary>
internal sealed class IdempotencyStore
{
    /// <summary>How long an answer is kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Keys are many and each is used for a day: every so many new keys, the expired ones go.
    private const int SweepEvery = 256;

    private int _created;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public IdempotencyStore(TimeProvider time) => _time = time;

    /// <summary>Whether a key is acceptable: 1 to 255 printable ASCII characters.</summary>
    public static bool IsValidKey(string key) => key.Length is >= 1 and <= 255 && key.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// Runs <paramref name="run"/> unless an answer is stored for <paramref name="key"/>: then answers that, when
    /// <paramref name="fingerprint"/> (the call's parameters) is the one it was stored for, or refuses the reused key.
    /// Only a successful answer is stored: after an error, the same key runs the call again.
    /// </summary>
    /// <param name="key">The key, with the caller and the method it is unique within.</param>
    /// <param name="fingerprint">The call's parameters, as text.</param>
    /// <param name="run">Runs the call.</param>
    /// <param name="cancellationToken">Stops waiting for a call in flight with the same key.</param>
    public async Task<(IdempotentRun Run, StoredAnswer? Answer)> RunOnceAsync(string key, string fingerprint, Func<Task<StoredAnswer>> run, CancellationToken cancellationToken)
    {
        var entry = await EnterAsync(key, cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (entry.Answer is { } stored && now < entry.Expires)
            {
                return entry.Fingerprint == fingerprint ? (IdempotentRun.Replayed, stored) : (IdempotentRun.KeyReused, null);
            }

            var answer = await run().ConfigureAwait(false);
            var succeeded = answer.Status is >= 200 and < 300;
            entry.Answer = succeeded ? answer : null;
            entry.Fingerprint = fingerprint;
            entry.Expires = now + Lifetime;
            return (IdempotentRun.Ran, answer);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>How many keys are kept, expired or not.</summary>
    internal int Count => _entries.Count;

    // The key's entry, its gate taken; one swept away meanwhile is not used, so that what runs is stored where the
    // next call with the key looks.
    private async Task<Entry> EnterAsync(string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (_, store) => store.Created(), this);
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!entry.Removed)
            {
                return entry;
            }

            entry.Gate.Release();
        }
    }

    private Entry Created()
    {
        if (Interlocked.Increment(ref _created) % SweepEvery == 0)
        {
            Sweep();
        }

        return new Entry();
    }

    // Removes the entries whose time is up and that no call holds.
    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var pair in _entries)
        {
            var entry = pair.Value;
            if (entry.Expires == default || entry.Expires > now || !entry.Gate.Wait(0))
            {
                continue;
            }

            try
            {
                if (entry.Expires <= now && _entries.TryRemove(pair))
                {
                    entry.Removed = true;
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Swept away: a call that waited for it looks the key up again.
        public bool Removed { get; set; }

        public StoredAnswer? Answer { get; set; }

        public string Fingerprint { get; set; } = string.Empty;

        public DateTimeOffset Expires { get; set; }
    }
}
