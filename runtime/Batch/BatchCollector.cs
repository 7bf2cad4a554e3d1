using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Batch;

/// <summary>Where a batch's capturing connection puts the calls made through it.</summary>
internal sealed class BatchCollector
{
    public BatchCollector(Bitrix24ApiVersion api = Bitrix24ApiVersion.Classic) => Api = api;

    /// <summary>The API whose methods the batch carries; a call of the other one is refused.</summary>
    public Bitrix24ApiVersion Api { get; }

    public List<BatchCommand> Commands { get; } = new();

    public Task<Bitrix24Response<TResult>> Capture<TResult>(Bitrix24Method method, byte[] body, JsonConverter<TResult> result)
    {
        var command = new BatchCommand<TResult>(method, body, result);
        Commands.Add(command);
        return command.Task;
    }
}
