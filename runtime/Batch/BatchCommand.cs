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

    public abstract void Complete(JsonElement result, Bitrix24Time? time, int? total, int? next);

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

    public override void Complete(JsonElement result, Bitrix24Time? time, int? total, int? next)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.GetRawText()));
            reader.Read();
            var value = Bitrix24Converters.ReadValue(_result, ref reader);
            _completion.TrySetResult(new Bitrix24Response<TResult>(value, time, total, next));
        }
        catch (JsonException exception)
        {
            var excerpt = result.GetRawText();
            _completion.TrySetException(new Bitrix24ResponseFormatException(
                Method.Name,
                System.Net.HttpStatusCode.OK,
                "application/json",
                excerpt.Length > 200 ? excerpt.Substring(0, 200) + "…" : excerpt,
                "the batch result of this command does not fit " + typeof(TResult).Name + ": " + exception.Message,
                exception));
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
