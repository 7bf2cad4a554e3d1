using System;
using System.Linq;
using System.Threading;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>Whatever goes wrong inside the generator is B24099 at the spec, never CS8785 for the whole build.</summary>
public class UnexpectedFailureTests
{
    [Fact]
    public void A_spec_file_that_throws_when_read_is_B24099_at_that_file_and_the_others_still_generate()
    {
        var specs = new AdditionalText[]
        {
            new ThrowingText("/specs/broken.yaml"),
            new SpecText("/specs/good.yaml", "method: test.good.get\nscope: test\nsummary: Good.\nresult:\n  type: boolean\n"),
        };

        var (result, output) = GeneratorRunner.Run(specs);

        Assert.Null(result.Exception);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
        var failure = Assert.Single(result.Diagnostics, d => d.Id == "B24099");
        Assert.Equal("/specs/broken.yaml", failure.Location.GetLineSpan().Path);
        Assert.Contains("the disk is gone", failure.GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestGoodApi"));
    }

    [Fact]
    public void A_step_that_throws_gives_its_failure_instead()
    {
        var guarded = Bitrix24Generator.Guard<string>("/specs/a.yaml", () => throw new InvalidOperationException("no such thing"));

        Assert.Equal(("/specs/a.yaml", null, "InvalidOperationException: no such thing"), (guarded.FilePath, guarded.Value, guarded.Failure));
    }

    private sealed class ThrowingText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw new System.IO.IOException("the disk is gone");
    }
}
