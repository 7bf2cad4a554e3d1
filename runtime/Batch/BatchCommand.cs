using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Generated.Serialization;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Batch;

/// <summary>One call captured for a batch, waiting for its share of the batch's answer.</summary>
internal abstract class BatchCommand
{
    protected BatchCommand(Bitrix24Method method, byte[] body)
    {
        Method = method;
        Body = body;
    }

    public Bitrix24Method Method { get; }

    public byte[] Body { get; }

    /// <summary>Reads the command's result; a result that cannot be read throws, and the caller fails the command with it.</summary>
    public abstract void Complete(JsonElement result, string path, Func<string, string> redact, Bitrix24Time? time, int? total, int? next, bool replayed = false);

    public abstract void Fail(Exception exception);
}

internal sealed class BatchCommand<TResult> : BatchCommand
{
    private readonly JsonConverter<TResult> _result;
    private readonly TaskCompletionSource<Bitrix24Response<TResult>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BatchCommand(Bitrix24Method method, byte[] body, JsonConverter<TResult> result)
        : base(method, body)
    {
        _result = result;
    }

    public Task<Bitrix24Response<TResult>> Task => _completion.Task;

    public override void Complete(JsonElement result, string path, Func<string, string> redact, Bitrix24Time? time, int? total, int? next, bool replayed = false)
    {
        var value = BatchPart.Read(Method.Name, result, path, redact, (ref Utf8JsonReader reader) => Bitrix24Converters.ReadValue(_result, ref reader));
        _completion.TrySetResult(new Bitrix24Response<TResult>(value, time, total, next) { Replayed = replayed });
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
