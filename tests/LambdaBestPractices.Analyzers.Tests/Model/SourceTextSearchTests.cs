using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The text prefilter of the security rules, and what it saves: no actions for types whose files cannot match.</summary>
public class SourceTextSearchTests
{
    [Theory]
    [InlineData("var x = Environment.GetEnvironmentVariable(\"A\");", "Environment", true)]
    [InlineData("var x = 1;", "Environment", false)]
    [InlineData("environment", "Environment", false)]
    [InlineData("", "Environment", false)]
    [InlineData("Env", "Environment", false)]
    [InlineData("Environment", "Environment", true)]
    public void Contains_FindsTheWord(string text, string word, bool expected) =>
        Assert.Equal(expected, SourceTextSearch.Contains(SourceText.From(text), word));

    [Theory]
    [InlineData(4090)]
    [InlineData(4093)]
    [InlineData(4096)]
    [InlineData(8190)]
    [InlineData(20000)]
    public void Contains_FindsTheWordAcrossChunkBoundaries(int offset)
    {
        var text = new string('x', offset) + "AKIA" + new string('y', 10);
        Assert.True(SourceTextSearch.Contains(SourceText.From(text), "AKIA"));
        Assert.False(SourceTextSearch.Contains(SourceText.From(text), "ASIA"));
    }

    [Fact]
    public async Task TypesWhoseFilesNeverMentionTheWords_GetNoOperationActions()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private static readonly AmazonS3Client S3 = new AmazonS3Client();

                public Task Handle(string input, ILambdaContext context) => S3.ListBucketsAsync();
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", source));
        var lbp301 = new LBP301KeepSecretsOutOfEnvironmentAnalyzer();
        var lbp302 = new LBP302DontHardCodeCredentialsAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(lbp301, lbp302), options);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));

        var telemetry301 = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(lbp301, CancellationToken.None);
        Assert.Equal(0, telemetry301.OperationActionsCount + telemetry301.OperationBlockActionsCount + telemetry301.SymbolEndActionsCount);

        // LBP302 checks constructors everywhere (the keys may be constants of another file); literals only where a prefix is written.
        var telemetry302 = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(lbp302, CancellationToken.None);
        Assert.Equal(1, telemetry302.OperationActionsCount);
    }
}
