using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Xunit.Abstractions;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Malformed answers through the generated calendar client: documented answers of calendar methods, batches and paged
/// lists, mutated (cut off, bytes flipped, invalid UTF-8, lone surrogates, numbers beyond every type, wrong types, deep
/// nesting, duplicate keys, the credentials inside values), sent with random statuses and content types over a webhook
/// and an OAuth connection. See <see cref="AnswerProperty"/> for what must hold.
/// </summary>
public class AnswerFuzzTests(ITestOutputHelper output)
{
    // About half a minute on two cores in Release.
    private const long Cases = 50_000;

    [Fact]
    public async Task Any_answer_succeeds_or_fails_typed_without_a_secret()
    {
        var tried = 0;
        var failed = 0;
        try
        {
            await FuzzedAnswer.Generator.SampleAsync(
                async answer =>
                {
                    Interlocked.Increment(ref tried);
                    try
                    {
                        await AnswerProperty.HoldsAsync(answer.Target, answer.Credentials, answer.HttpStatus, answer.MediaType, answer.Body());
                    }
                    catch
                    {
                        Interlocked.Increment(ref failed);
                        throw;
                    }
                },
                iter: Cases,
                print: answer => answer.ToString());
        }
        finally
        {
            output.WriteLine($"Fuzz answers: {tried} cases tried, {failed} failed");
        }
    }
}
