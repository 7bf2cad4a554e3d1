using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Bitrix24.Generated.Forms;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// Posts events to online handlers in the background, one at a time and in the order raised, as a portal's queue
/// does: the call that caused an event is answered without waiting for its handlers. Each post is a PHP-style form
/// (<c>data[FIELDS][ID]=5</c>), has a timeout and is not retried; every one is recorded.
/// </summary>
internal sealed class EventDeliveryWorker : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Channel<(string EventName, Uri Handler, JsonObject Payload)> _queue =
        Channel.CreateUnbounded<(string, Uri, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = Timeout };
    private readonly ConcurrentQueue<EventDelivery> _deliveries = new();
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;
    private int _pending;
    private TaskCompletionSource _idle = Completed();

    public EventDeliveryWorker(TimeProvider time)
    {
        _time = time;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The posts made so far, oldest first.</summary>
    public IReadOnlyList<EventDelivery> Deliveries => _deliveries.ToArray();

    /// <summary>Queues a post of <paramref name="payload"/> to <paramref name="handler"/>.</summary>
    public void Enqueue(string eventName, Uri handler, JsonObject payload)
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (!_queue.Writer.TryWrite((eventName, handler, payload)))
        {
            // Disposed: the post is dropped, as a stopped portal's would be.
            Done();
        }
    }

    /// <summary>Posts a payload now and records it, for the posts the caller awaits (installing an application).</summary>
    /// <returns>The answer's status and body, or null when the post failed.</returns>
    public async Task<(int Status, string Body)?> PostAsync(string eventName, Uri handler, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await _http.PostAsync(handler, content, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Record(eventName, handler, (int)response.StatusCode, null);
            return ((int)response.StatusCode, body);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // A handler that is down, slow (the timeout) or answers garbage is the application's problem, not the
            // portal's: recorded, not thrown, so that one bad handler stops no other post.
            Record(eventName, handler, null, failure.GetType().Name);
            return null;
        }
    }

    /// <summary>Completes when nothing is queued or being posted.</summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while posting: nothing more to do.
        }

        // Whatever was still queued is dropped with the portal: nobody waits for it.
        lock (_gate)
        {
            _idle.TrySetResult();
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var (eventName, handler, payload) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await PostAsync(eventName, handler, PhpFormEncoder.Encode(payload), _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            finally
            {
                Done();
            }
        }
    }

    private void Record(string eventName, Uri handler, int? status, string? failure) =>
        _deliveries.Enqueue(new EventDelivery(eventName, handler, status, failure, _time.GetUtcNow()));

    private void Done()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }
}
