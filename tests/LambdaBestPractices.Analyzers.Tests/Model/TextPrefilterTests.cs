using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The compilation's shared text prefilter, and what it saves: no actions for types whose files cannot match.</summary>
public class TextPrefilterTests
{
    [Theory]
    [InlineData("var x = Environment.GetEnvironmentVariable(\"A\");", "Environment", true)]
    [InlineData("var x = 1;", "Environment", false)]
    [InlineData("environment", "Environment", false)]
    [InlineData("", "Environment", false)]
    [InlineData("Env", "Environment", false)]
    [InlineData("Environment", "Environment", true)]
    public void Scan_FindsTheWord(string text, string word, bool expected) =>
        Assert.Equal(expected, TextPrefilter.Scan(SourceText.From(text), new[] { word }) == 1UL);

    [Theory]
    [InlineData(4090)]
    [InlineData(4093)]
    [InlineData(4096)]
    [InlineData(8180)]
    [InlineData(8188)]
    [InlineData(8190)]
    [InlineData(8192)]
    [InlineData(16380)]
    [InlineData(20000)]
    public void Scan_FindsTheWordAcrossChunkBoundaries(int offset)
    {
        var text = SourceText.From(new string('x', offset) + "AKIA" + new string('y', 10) + "CompleteMultipartUpload");
        Assert.Equal(0b101UL, TextPrefilter.Scan(text, new[] { "AKIA", "ASIA", "CompleteMultipartUpload" }));
    }

    [Fact]
    public void Scan_FindsEveryWordInOnePass()
    {
        var words = new[] { "Invoke", "PutObject", "Put", "Object", "AKIA", "RegionEndpoint", "Environment" };
        var text = SourceText.From("s3.PutObjectAsync(new PutObjectRequest()); Environment.Exit(0); // no region here");
        Assert.Equal(0b1001110UL, TextPrefilter.Scan(text, words));
        Assert.Equal(0UL, TextPrefilter.Scan(SourceText.From("class C { }"), words));
    }

    [Fact]
    public void Scan_AgreesWithAPlainSearch_OnRandomText()
    {
        // Words that share first and second characters, a one-character word, non-ASCII first and second characters, and
        // texts long enough to cross chunk boundaries: the first- and second-character tables must never drop a match.
        var words = new[] { "Get", "GetSecretValue", "Ge", "S", "Sleep", "Save", "\u00e9t\u00e9", "x\u00e9", "Env", "Environment", "AKIA" };
        var alphabet = "GetSvalcrEnvironmAKI \u00e9x.(";
        var random = new System.Random(20261205);
        for (var run = 0; run < 300; run++)
        {
            var length = run % 10 == 0 ? 8192 + random.Next(200) : random.Next(60);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = 0UL;
            for (var bit = 0; bit < words.Length; bit++)
            {
                if (text.IndexOf(words[bit], System.StringComparison.Ordinal) >= 0)
                {
                    expected |= 1UL << bit;
                }
            }

            Assert.Equal(expected, TextPrefilter.Scan(SourceText.From(text), words));
        }
    }

    [Fact]
    public void TrailingZeroCount_IsTheLowestSetBit()
    {
        for (var bit = 0; bit < 64; bit++)
        {
            Assert.Equal(bit, TextPrefilter.TrailingZeroCount(1UL << bit));
            Assert.Equal(bit, TextPrefilter.TrailingZeroCount(ulong.MaxValue << bit));
        }
    }

    [Fact]
    public async Task OneFileAnswersEveryRule_AndWordsDeclaredLaterAreFound()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", "class C { string S = \"LateWordForTheTest\"; }"));
        var prefilter = LambdaCompilation.For(compilation).Prefilter;
        Assert.Same(prefilter, LambdaCompilation.For(compilation).Prefilter);
        var tree = compilation.SyntaxTrees.Single();
        Assert.False(prefilter.Mentions(tree, WordSet.Of("Environment"), CancellationToken.None));

        // A word registered after the file was scanned: the file is scanned again for it.
        Assert.True(prefilter.Mentions(tree, WordSet.Of("LateWordForTheTest"), CancellationToken.None));
        Assert.True(prefilter.Mentions(compilation.GetTypeByMetadataName("C")!, WordSet.Of("Environment", "LateWordForTheTest"), CancellationToken.None));
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
        var lbp301 = new RuleAnalyzer<LBP301KeepSecretsOutOfEnvironmentRule>();
        var lbp302 = new RuleAnalyzer<LBP302DontHardCodeCredentialsRule>();
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
