using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 9, part 5: with random secret values in every place a secret can sit, no diagnostic of any analyzer (message,
/// properties: what SARIF carries) and no code-action title contains a value or any 4-character piece of it.
/// </summary>
public class SecretEchoPropertyTests
{
    // Digits and rare capitals: a random 4-character piece is then very unlikely to occur in English message text by chance.
    private const string Alphabet = "0123456789QXZJKVW";

    private readonly ITestOutputHelper _output;

    public SecretEchoPropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task RandomSecrets_NeverEchoed()
    {
        var references = await FuzzTests.ReferencesAsync();
        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();
        var random = new Random(20261124);
        var checkedTexts = 0;
        var diagnosticsSeen = 0;
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var values = Enumerable.Range(0, 8).Select(_ => Random(random, random.Next(12, 41))).ToArray();
            var keyIds = Enumerable.Range(0, 3).Select(_ => Random(random, 16)).ToArray(); // after the AKIA/ASIA prefix
            var source = Source(values, keyIds);

            var document = CreateDocument(source, references);
            var compilation = (await document.Project.GetCompilationAsync())!;
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            diagnosticsSeen += diagnostics.Length;

            var texts = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                texts.Add(diagnostic.GetMessage(CultureInfo.InvariantCulture));
                texts.AddRange(diagnostic.Properties.Select(p => p.Key + "=" + p.Value));
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    texts.AddRange(actions.Select(a => a.Title));
                }
            }

            foreach (var text in texts)
            {
                checkedTexts++;
                foreach (var value in values.Concat(keyIds))
                {
                    for (var i = 0; i + 4 <= value.Length; i++)
                    {
                        Assert.False(text.Contains(value.Substring(i, 4), StringComparison.Ordinal), $"'{text}' contains a piece of the secret '{value}'");
                    }
                }
            }
        }

        _output.WriteLine($"20 random sets of secrets: {diagnosticsSeen} diagnostics, {checkedTexts} messages, properties and fix titles checked");
    }

    private static string Random(Random random, int length) => new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    private static string Source(string[] v, string[] k) => $$"""
        using System;
        using System.Collections.Generic;
        using Amazon;
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Constructs;

        public class Handler
        {
            private const string ConstPassword = "{{v[0]}}";

            public string Handle(string input, ILambdaContext context)
            {
                Environment.SetEnvironmentVariable("DB_PASSWORD", "{{v[1]}}");
                Environment.SetEnvironmentVariable("SMTP_PASSWORD", ConstPassword);
                var fromEnvironment = Environment.GetEnvironmentVariable("API_TOKEN");
                var basic = new BasicAWSCredentials("AKIA{{k[0]}}", "{{v[2]}}");
                var session = new SessionAWSCredentials("ASIA{{k[1]}}", "{{v[2]}}", "{{v[3]}}");
                var s3 = new AmazonS3Client("AKIA{{k[2]}}", "{{v[4]}}", RegionEndpoint.USEast1);
                return fromEnvironment + "AKIA{{k[0]}}";
            }
        }

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var props = new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string> { { "CLIENT_SECRET", "{{v[5]}}" } },
                };
                props.Environment["GITHUB_TOKEN"] = "{{v[6]}}";
                new Function(this, "Api", props).AddEnvironment("SERVICE_CREDENTIALS", "{{v[7]}}");
            }
        }
        """;

    private static Document CreateDocument(string text, ImmutableArray<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Secrets", "Secrets", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        return workspace.AddDocument(project.Id, "Secrets.cs", SourceText.From(text));
    }
}
