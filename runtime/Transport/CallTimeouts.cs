using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// Cancellation sources for the calls' timeouts, reused: a call rents one, links the caller's token to it, and
/// gives it back when it ends. A source that fired is not reused.
/// </summary>
internal sealed class CallTimeouts
{
    // Enough for the calls one connection has in flight at once; more are made and dropped.
    private const int MaxPooled = 64;

    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();

    public Lease Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_pool.TryDequeue(out var source))
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new Lease(this, source, link);
    }

    private void Return(CancellationTokenSource source)
    {
        if (_pool.Count < MaxPooled && source.TryReset())
        {
            _pool.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    /// <summary>One call's timeout; disposing it unlinks the caller's token and gives the source back.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly CallTimeouts _owner;
        private readonly CancellationTokenSource _source;
        private readonly CancellationTokenRegistration _link;

        public Lease(CallTimeouts owner, CancellationTokenSource source, CancellationTokenRegistration link)
        {
            _owner = owner;
            _source = source;
            _link = link;
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            _link.Dispose();
            _owner.Return(_source);
        }
    }
}
