using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using LambdaBestPractices.Analyzers.Benchmarks.Corpus;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>
/// <c>deployment-cost</c>: what reading the deployment files costs (issue 18). The Lambda corpus of the largest size gets a
/// SAM template with one function per handler (its handler string, five environment variables, an SQS or a schedule
/// event, every other one with SnapStart) and an <c>aws-lambda-tools-defaults.json</c>; measured: parsing and joining the
/// files alone (<c>DeploymentModel.Create</c>, fresh file objects each time), and our analyzers on the corpus with and
/// without the files (telemetry, median of the runs, alternated).
/// </summary>
internal static partial class DeploymentCost
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var references = References.Load();
        var ours = References.OurAnalyzers();
        var n = options.Sizes[^1];
        var generated = CorpusGenerator.Generate(CorpusKind.Lambda, n, options.Seed);
        var directory = Path.Combine(options.OutputDirectory, "corpus", $"lambda-{n}-seed{options.Seed}");
        CorpusGenerator.Write(generated, directory);
        var corpus = Harness.Load(generated, directory, references.Lambda);
        var handlers = generated.Files.Where(f => f.IsHandler).Select(f => HandlerDoc().Match(f.Text)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var template = Template(handlers);
        var tools = $$"""{ "function-handler": "{{handlers.FirstOrDefault() ?? "A::B::C"}}", "environment-variables": "TABLE=orders;LOG_LEVEL=info" }""";
        Console.WriteLine($"corpus: lambda N = {n}, {generated.Files.Count:N0} files; template: {handlers.Count:N0} functions, {template.Length / 1024.0:F0} KiB, {template.Count(c => c == '\n'):N0} lines");

        AdditionalText[] Files() => new AdditionalText[] { new Text("/bench/template.yaml", template), new Text("/bench/aws-lambda-tools-defaults.json", tools) };

        var parse = new List<double>();
        DeploymentModel? model = null;
        for (var i = 0; i < 6; i++)
        {
            var analyzerOptions = new AnalyzerOptions(Files().ToImmutableArray());
            var stopwatch = Stopwatch.StartNew();
            model = DeploymentModel.Create(corpus.Compilation, analyzerOptions, CancellationToken.None);
            stopwatch.Stop();
            if (i > 0)
            {
                parse.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"parse and join: {Harness.Median(parse):F2} ms (median of {parse.Count}); {model!.Functions.Length:N0} functions read, {model.OwnFunctions.Length:N0} this project's, {model.Handlers.Count:N0} handlers");

        var failures = new Failures();
        var without = new List<double>();
        var with = new List<double>();
        int diagnosticsWithout = 0, diagnosticsWith = 0;
        for (var i = 0; i <= options.WorkloadRuns; i++)
        {
            var plain = await Harness.Analyzers(corpus.Compilation, ours, failures).ConfigureAwait(false);
            var files = await Harness.Analyzers(corpus.Compilation, ours, failures, additionalFiles: Files().ToImmutableArray()).ConfigureAwait(false);
            if (i == 0)
            {
                continue; // warm-up
            }

            without.Add(plain.AnalyzerTotal.TotalMilliseconds);
            with.Add(files.AnalyzerTotal.TotalMilliseconds);
            diagnosticsWithout = plain.Diagnostics.Length;
            diagnosticsWith = files.Diagnostics.Length;
        }

        Console.WriteLine($"our analyzers without the files: {Harness.Median(without):F0} ms ({diagnosticsWithout:N0} diagnostics); with them: {Harness.Median(with):F0} ms ({diagnosticsWith:N0} diagnostics); median of {without.Count}");
        if (failures.Any)
        {
            foreach (var message in failures.Messages)
            {
                Console.Error.WriteLine(message);
            }

            return 1;
        }

        return 0;
    }

    [GeneratedRegex(@"Handler: <c>([^<]+)</c>")]
    private static partial Regex HandlerDoc();

    private static string Template(List<string> handlers)
    {
        var text = new StringBuilder("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: dotnet8
                Environment:
                  Variables:
                    LOG_LEVEL: info
            Resources:

            """);
        for (var i = 0; i < handlers.Count; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append("  Queue").Append(id).Append(":\n    Type: AWS::SQS::Queue\n")
                .Append("  Function").Append(id).Append(":\n    Type: AWS::Serverless::Function\n    Properties:\n")
                .Append("      Handler: ").Append(handlers[i]).Append('\n')
                .Append("      MemorySize: 512\n      Environment:\n        Variables:\n")
                .Append("          TABLE_NAME: !Ref Table").Append(id).Append('\n')
                .Append("          QUEUE_URL: !Ref Queue").Append(id).Append('\n')
                .Append("          API_KEY_SECRET_ARN: !Sub 'arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:key").Append(id).Append("'\n")
                .Append("          STAGE: prod\n")
                .Append("          FEATURE_FLAGS: '{{resolve:ssm:/flags/").Append(id).Append("}}'\n");
            if (i % 2 == 0)
            {
                text.Append("      SnapStart:\n        ApplyOn: PublishedVersions\n")
                    .Append("      Events:\n        Trigger:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Queue").Append(id).Append(".Arn\n");
            }
            else
            {
                text.Append("      Events:\n        Trigger:\n          Type: Schedule\n          Properties:\n            Schedule: rate(5 minutes)\n");
            }
        }

        return text.ToString();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
