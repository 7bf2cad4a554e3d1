using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Bitrix24.Generated.Batch.Rest3;

namespace Bitrix24.Generated;

/// <summary>
/// A call added to a <see cref="Bitrix24Rest3Batch{TClient}"/>: the method it calls, and references to its result for
/// later calls of the same batch (<see cref="Ref"/>, <see cref="RefArray"/>).
/// </summary>
public abstract class Bitrix24Rest3BatchCall
{
    private readonly Rest3BatchState _state;

    private protected Bitrix24Rest3BatchCall(Rest3BatchState state, int index, string method)
    {
        _state = state;
        Index = index;
        Method = method;
    }

    /// <summary>The REST method called, e.g. <c>note.document.get</c>.</summary>
    public string Method { get; }

    /// <summary>The call's position in its batch, from 0; its result is at this position of the batch's answer.</summary>
    public int Index { get; }

    /// <summary>
    /// The name the batch gives the call (<c>as</c>): the one it was added with, or one made up when a reference to it
    /// was taken; null while neither.
    /// </summary>
    public string? Alias => _state.AliasOf(Index);

    /// <summary>
    /// One value of this call's result, by a dotted path inside it (as its <c>result</c> would be sent alone), e.g.
    /// <c>Ref("item.id")</c> for the id of the entity a <c>get</c> or an <c>add</c> answered.
    /// </summary>
    /// <param name="path">The path inside the result, e.g. <c>item.id</c>.</param>
    /// <exception cref="ArgumentException">The path is empty or has an empty segment.</exception>
    public Bitrix24Rest3Reference Ref(string path)
    {
        Bitrix24Rest3Reference.CheckPath(path, nameof(path));
        return Bitrix24Rest3Reference.ToCall(_state, Index, _state.EnsureAlias(Index), path, isArray: false);
    }

    /// <summary>
    /// One field collected across the <c>items</c> of this call's result (a list call), as an array, e.g.
    /// <c>RefArray("id")</c> for the ids of the entities listed.
    /// </summary>
    /// <param name="field">The field of each item, e.g. <c>id</c>.</param>
    /// <exception cref="ArgumentException">The field is empty or has an empty segment.</exception>
    public Bitrix24Rest3Reference RefArray(string field)
    {
        Bitrix24Rest3Reference.CheckPath(field, nameof(field));
        return Bitrix24Rest3Reference.ToCall(_state, Index, _state.EnsureAlias(Index), field, isArray: true);
    }

    /// <inheritdoc/>
    public override string ToString() => Alias is { } alias ? Method + " as " + alias : Method;
}

/// <summary>A call added to a REST 3.0 batch, with its typed result once the batch has run.</summary>
/// <typeparam name="T">What the call returns, e.g. <c>Bitrix24Response&lt;NoteDocumentGetResult&gt;</c>.</typeparam>
public sealed class Bitrix24Rest3BatchCall<T> : Bitrix24Rest3BatchCall
{
    internal Bitrix24Rest3BatchCall(Rest3BatchState state, int index, string method, Task<T> task)
        : base(state, index, method)
    {
        Task = task;
    }

    /// <summary>
    /// The call's result, read as the method reads its own; it completes when the batch has run, or fails with the
    /// batch's error, which is every call's.
    /// </summary>
    public Task<T> Task { get; }

    /// <summary>Lets the call be awaited for its result: <c>var doc = await call;</c>.</summary>
    public TaskAwaiter<T> GetAwaiter() => Task.GetAwaiter();
}
