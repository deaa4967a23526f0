using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>
/// Truncation and mutation fuzzing (issue 9, part 1) over every test input of the suite and every sample file, for every
/// analyzer and code fix in the assemblies (found by reflection, so rules added later are covered unchanged).
/// <para>
/// Inputs are harvested, not copied: the C# raw string literals of the test project's own sources (markup stripped) and
/// the samples. Each input gives variants: prefix cuts at token boundaries, single-token deletions and identifier renames
/// that break binding, from a seeded random stream. CI mode samples a fixed budget per input; <c>LBP_FUZZ=long</c> runs
/// every prefix cut and every single-token deletion.
/// </para>
/// </summary>
public class FuzzTests
{
    private static readonly bool LongMode = string.Equals(Environment.GetEnvironmentVariable("LBP_FUZZ"), "long", StringComparison.OrdinalIgnoreCase);

    // Enough usings for any harvested snippet to bind (duplicates of a snippet's own usings are only warnings).
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Amazon.S3.Transfer;

        """;

    private static readonly Regex Markup = new(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryAnalyzerAndFix_SurvivesTruncatedAndMutatedInputs()
    {
        var inputs = HarvestInputs();
        Assert.True(inputs.Count > 50, $"only {inputs.Count} inputs harvested");
        var references = await ReferencesAsync();
        var failures = new ConcurrentQueue<string>();
        var counts = new int[4]; // variants, analyzed diagnostics of ours, code actions applied, inputs
        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

        await Parallel.ForEachAsync(
            inputs.Select((input, index) => (input, index)),
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (item, cancellationToken) =>
            {
                Interlocked.Increment(ref counts[3]);
                var random = new Random(item.index * 7919 + 17);
                foreach (var (kind, text) in Variants(item.input.Text, random))
                {
                    Interlocked.Increment(ref counts[0]);
                    var label = $"{item.input.Origin} [{kind}]";
                    var (ours, exceptions) = await AnalyzeAsync(text, references, cancellationToken);
                    foreach (var exception in exceptions)
                    {
                        failures.Enqueue($"{label}: analyzer exception {exception}");
                    }

                    Interlocked.Add(ref counts[1], ours.Length);
                    // Code actions on a sample of the variants that have diagnostics (all of them in long mode).
                    if (ours.Length > 0 && (LongMode || random.Next(4) == 0))
                    {
                        var applied = await ApplyEveryFixAsync(text, references, ours, fixers, label, failures, cancellationToken);
                        Interlocked.Add(ref counts[2], applied);
                    }
                }
            });

        _output.WriteLine($"{(LongMode ? "long" : "CI")} mode: {counts[3]} inputs, {counts[0]} variants analyzed, {counts[1]} diagnostics of ours, {counts[2]} code actions applied");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
    }

    /// <summary>The raw string literals of the test sources that hold C# code, and the sample files.</summary>
    internal static List<(string Origin, string Text)> HarvestInputs()
    {
        var root = AnalyzerCatalog.RepositoryRoot;
        var inputs = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var testSources = Path.Combine(root, "tests", "LambdaBestPractices.Analyzers.Tests");
        foreach (var file in Directory.EnumerateFiles(testSources, "*.cs", SearchOption.AllDirectories).Where(IsSource).OrderBy(f => f, StringComparer.Ordinal))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                var token = literal.Token;
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    continue;
                }

                var code = Markup.Replace(token.ValueText, "");
                if ((code.Contains("class ", StringComparison.Ordinal) || code.Contains("LambdaBootstrapBuilder", StringComparison.Ordinal)) && seen.Add(code))
                {
                    var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    inputs.Add(($"{Path.GetRelativePath(root, file)}:{line}", Usings + code));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories).Where(IsSource).OrderBy(f => f, StringComparer.Ordinal))
        {
            inputs.Add((Path.GetRelativePath(root, file), File.ReadAllText(file)));
        }

        return inputs;

        static bool IsSource(string path) =>
            !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or ".packages" or "Robustness");
    }

    private static IEnumerable<(string Kind, string Text)> Variants(string text, Random random)
    {
        yield return ("original", text);
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
        if (tokens.Length == 0)
        {
            yield break;
        }

        var cuts = LongMode ? Enumerable.Range(0, tokens.Length) : Enumerable.Range(0, 4).Select(_ => random.Next(tokens.Length));
        foreach (var i in cuts)
        {
            yield return ($"prefix to token {i}", text.Substring(0, tokens[i].Span.End));
        }

        var deletions = LongMode ? Enumerable.Range(0, tokens.Length) : Enumerable.Range(0, 4).Select(_ => random.Next(tokens.Length));
        foreach (var i in deletions)
        {
            yield return ($"delete token {i} '{tokens[i].Text}'", text.Remove(tokens[i].Span.Start, tokens[i].Span.Length));
        }

        var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToArray();
        for (var n = 0; n < (LongMode ? 10 : 2) && identifiers.Length > 0; n++)
        {
            var token = identifiers[random.Next(identifiers.Length)];
            yield return ($"rename '{token.Text}'", text.Substring(0, token.Span.Start) + "Renamed" + n + "_" + token.Text + text.Substring(token.Span.End));
        }
    }

    private static async Task<(ImmutableArray<Diagnostic> Ours, List<string> Exceptions)> AnalyzeAsync(string text, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        var compilation = Compile(text, references);
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        return (diagnostics.Where(d => d.Id.StartsWith("LBP", StringComparison.Ordinal)).ToImmutableArray(), exceptions);
    }

    private static Compilation Compile(string text, ImmutableArray<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "/src/Test.cs");
        var kind = tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create("Fuzz", new[] { tree }, references, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Offers every fix for each of <paramref name="diagnostics"/> and applies every action; returns how many ran.</summary>
    private static async Task<int> ApplyEveryFixAsync(string text, ImmutableArray<MetadataReference> references, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<CodeFixProvider> fixers, string label, ConcurrentQueue<string> failures, CancellationToken cancellationToken)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
            compilationOptions: Compile(text, references).Options,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(text));
        var applied = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                    await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    foreach (var action in actions)
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(TimeSpan.FromSeconds(30));
                        var operations = await action.GetOperationsAsync(timeout.Token).ConfigureAwait(false);
                        foreach (var operation in operations.OfType<ApplyChangesOperation>())
                        {
                            _ = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync(timeout.Token).ConfigureAwait(false);
                        }

                        applied++;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failures.Enqueue($"{label}: {fixer.GetType().Name} on {diagnostic.Id} did not finish within 30 s");
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"{label}: {fixer.GetType().Name} on {diagnostic.Id} threw {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        return applied;
    }

    internal static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
    {
        var references = ReferenceSets.Net80WithAws.AddRange(ApiSurface.References(Stubs.All));
        return references.ToImmutableArray();
    }
}
