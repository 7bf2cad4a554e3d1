using System;
using System.ComponentModel;

namespace Bitrix24.Generated;

/// <summary>
/// What every generated client shares: its connection, batches, and disposing a connection it made itself.
/// The generated <c>Bitrix24Client</c> adds the method groups of its specs.
/// </summary>
/// <typeparam name="TClient">The generated client.</typeparam>
public abstract class Bitrix24ClientBase<TClient> : IDisposable
    where TClient : Bitrix24ClientBase<TClient>
{
    private readonly bool _ownsConnection;

    /// <summary>Creates the client.</summary>
    /// <param name="connection">The connection calls go through.</param>
    /// <param name="ownsConnection">Whether disposing the client disposes the connection.</param>
    protected Bitrix24ClientBase(Bitrix24Connection connection, bool ownsConnection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _ownsConnection = ownsConnection;
    }

    /// <summary>The connection calls go through.</summary>
    public Bitrix24Connection Connection { get; }

    /// <summary>
    /// Starts a batch: calls made through the client it hands out are sent together by <c>batch</c>, 50 to a
    /// request, e.g. <c>var settings = batch.Add(c =&gt; c.Calendar.Settings.GetAsync()); await batch.ExecuteAsync();</c>.
    /// </summary>
    /// <param name="haltOnError">Whether the portal stops at the first failing call; the later ones then fail as not run.</param>
    public Bitrix24Batch<TClient> Batch(bool haltOnError = false) => new(Connection, Over, haltOnError);

    /// <summary>
    /// Starts a REST 3.0 batch: calls of REST 3.0 methods made through the client it hands out are sent together in one
    /// JSON request to <c>/rest/api/…/batch</c>, and a later call may take values of an earlier call's result, e.g.
    /// <c>var doc = batch.Add(c =&gt; c.Note.Document.AddAsync(fields)); var read = batch.Add(c =&gt; c.Note.Document.GetAsync(0), references: q =&gt; q.Set("id", doc.Ref("item.id"))); await batch.ExecuteAsync();</c>.
    /// </summary>
    public Bitrix24Rest3Batch<TClient> Rest3Batch() => new(Connection, Over);

    /// <summary>Disposes the connection when this client made it (e.g. <c>FromWebhook</c>).</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            Connection.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client of the same kind over another connection, e.g. a batch's.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TClient Over(Bitrix24Connection connection);
}
