using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.TestReferences;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer of the package over mutated deployment files (issue 18: "malformed or partial files never throw"): the
/// sample SAM template and tools' defaults, with lines deleted, duplicated, re-indented, and values replaced by other
/// shapes (intrinsics, sequences, maps, empty and null values), next to code whose handlers the files name. The parsers
/// have their own fuzzing (TemplateYamlTests, TemplateJsonTests); this covers what reads their trees: the template model,
/// the handler model and the rules that report in the files.
/// </summary>
public class DeploymentFileFuzzTests
{
    private const string Code = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SQS;

        namespace LambdaSample.Functions
        {
            public class OrderQueueFunction
            {
                private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
                private static readonly string RetryQueueUrl = Environment.GetEnvironmentVariable("RETRY_QUEUE_URL")!;

                public async Task FunctionHandler(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var message in evt.Records)
                    {
                        await Sqs.SendMessageAsync(RetryQueueUrl, message.Body);
                    }
                }
            }

            public class NightlyExportFunction
            {
                private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();
                private static readonly string Stamp = Guid.NewGuid().ToString();

                public async Task Export(ExportRequest request, ILambdaContext context) =>
                    await Db.PutItemAsync("exports", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(Guid.NewGuid().ToString() + Stamp) });

                public Task Preview(ExportRequest request, ILambdaContext context) => Task.CompletedTask;
            }

            public record ExportRequest(string Day);
        }
        """;

    private static readonly string[] Values =
    {
        "!Ref OrderQueue", "!GetAtt OrderQueue.Arn", "!GetAtt [OrderQueue, Arn]", "[1, 2]", "{ a: b }", "''", "~", "123",
        "!If [IsProd, !Ref OrderQueue, !Ref AWS::NoValue]", "!Sub [ '${X}', { X: !Ref OrderQueue } ]", "!Sub '${OrderQueue}'",
        "'{{resolve:secretsmanager:x}}'", "!Join ['', ['{{resolve:ssm-secure:', !Ref P, '}}']]", "LambdaSample::LambdaSample.Functions.OrderQueueFunction::FunctionHandler",
        "bootstrap", "PublishedVersions", "SQS", "Schedule", "!GetAtt", "!Ref", "- x", "|\n  block",
    };

    [Fact]
    public async Task MutatedTemplatesAndToolsDefaults_NeverThrow()
    {
        var root = AnalyzerCatalog.RepositoryRoot;
        var template = File.ReadAllText(Path.Combine(root, "samples", "template.yaml"));
        var tools = File.ReadAllText(Path.Combine(root, "samples", "LambdaSample", "aws-lambda-tools-defaults.json"));
        var compilation = CSharpCompilation.Create(
            "LambdaSample",
            new[] { CSharpSyntaxTree.ParseText(Code, new CSharpParseOptions(LanguageVersion.Latest), "/src/Functions.cs") },
            ReferenceSets.Net80WithAws.AddRange(ApiSurface.References(Stubs.All)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var failures = new List<string>();
        var variants = 0;
        ImmutableArray<Diagnostic> original = default;
        foreach (var (label, text) in Variants(template, new Random(18)).Concat(Variants(tools, new Random(19)).Select(v => (v.Label, v.Text))))
        {
            variants++;
            var isJson = text.TrimStart().StartsWith("{", StringComparison.Ordinal);
            var file = new InMemoryAdditionalText(isJson ? "/src/aws-lambda-tools-defaults.json" : "/src/template.yaml", text);
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file)),
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
            failures.AddRange(exceptions.Select(e => $"{label}: {e}"));
            if (variants == 1)
            {
                original = diagnostics;
            }
        }

        // The unmutated sample template is read at all: it makes a finding in itself (LBP301) and one in the code (LBP201's
        // RETRY_QUEUE_URL, set to the queue that triggers the function), so the variants exercise the model, not a skip.
        Assert.Contains(original, d => d.Id == "LBP301" && d.Location.GetLineSpan().Path == "/src/template.yaml");
        Assert.Contains(original, d => d.Id == "LBP201" && d.Location.IsInSource);

        Assert.True(variants > 300, $"only {variants} variants");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static IEnumerable<(string Label, string Text)> Variants(string text, Random random)
    {
        var lines = text.Split('\n');
        yield return ("original", text);
        for (var n = 0; n < 60; n++)
        {
            var i = random.Next(lines.Length);
            yield return ($"delete line {i + 1}", string.Join("\n", lines.Where((_, k) => k != i)));
            yield return ($"duplicate line {i + 1}", string.Join("\n", lines.Take(i + 1).Concat(lines.Skip(i))));
            var shifted = lines.ToArray();
            shifted[i] = random.Next(2) == 0 ? "  " + shifted[i] : shifted[i].TrimStart();
            yield return ($"re-indent line {i + 1}", string.Join("\n", shifted));
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                var replaced = lines.ToArray();
                var value = Values[random.Next(Values.Length)];
                replaced[i] = lines[i].Substring(0, colon + 2) + value;
                yield return ($"line {i + 1} value '{value}'", string.Join("\n", replaced));
            }
        }
    }
}
