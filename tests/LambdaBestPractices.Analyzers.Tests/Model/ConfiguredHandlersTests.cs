using System.Threading.Tasks;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule>;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary><c>lambda_best_practices.handler_methods</c>: handlers the model cannot recognise by shape.</summary>
public class ConfiguredHandlersTests
{
    // A handler with no ILambdaContext parameter: the model cannot know it is one.
    private const string Source = """
        using System.Threading.Tasks;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;

        namespace Orders
        {
            public class Worker
            {
                public async Task Process(SQSEvent evt)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    await Task.CompletedTask;
                }

                public void Process(string other)
                {
                    var s3 = {|#1:new AmazonS3Client()|};
                }
            }
        }
        """;

    [Fact]
    public Task NotConfigured_NoDiagnostic() => VerifyAsync(editorConfig: null);

    [Fact]
    public Task PlainName_MakesEveryOverloadAHandler() =>
        VerifyAsync("[*.cs]\nlambda_best_practices.handler_methods = Orders.Other.Run | Orders.Worker.Process\n", 0, 1);

    [Fact]
    public Task DocumentationId_NamesOneOverload() =>
        VerifyAsync("[*.cs]\nlambda_best_practices.handler_methods = M:Orders.Worker.Process(Amazon.Lambda.SQSEvents.SQSEvent)\n", 0);

    [Fact]
    public Task GlobalConfig_Applies() =>
        VerifyAsync(globalConfig: "is_global = true\nlambda_best_practices.handler_methods = M:Orders.Worker.Process(System.String)\n", expected: new[] { 1 });

    [Fact]
    public Task SectionForOtherFiles_DoesNotApply() =>
        VerifyAsync("[OtherFile.cs]\nlambda_best_practices.handler_methods = Orders.Worker.Process\n");

    [Fact]
    public Task EmptyOrMalformedValue_NoDiagnosticNoException() =>
        VerifyAsync("[*.cs]\nlambda_best_practices.handler_methods = | ,, Orders.Worker | M: |\n");

    private static Task VerifyAsync(string? editorConfig, params int[] expected) => VerifyAsync(editorConfig, null, expected);

    private static async Task VerifyAsync(string? editorConfig = null, string? globalConfig = null, int[]? expected = null)
    {
        var test = new Verify.Test { TestCode = Source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorConfig));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        foreach (var location in expected ?? System.Array.Empty<int>())
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithLocation(location).WithArguments("AmazonS3Client"));
        }

        await test.RunAsync();
    }
}
