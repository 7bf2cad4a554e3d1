using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Batch;

/// <summary>Where a batch's capturing connection puts the calls made through it.</summary>
internal sealed class BatchCollector
{
    public List<BatchCommand> Commands { get; } = new();

    public Task<Bitrix24Response<TResult>> Capture<TResult>(Bitrix24Method method, byte[] body, JsonConverter<TResult> result)
    {
        var command = new BatchCommand<TResult>(method, body, result);
        Commands.Add(command);
        return command.Task;
    }
}
