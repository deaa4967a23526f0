using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using LambdaBestPractices.Analyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>A corpus loaded from disk and parsed once; every measured run compiles a fresh clone of <see cref="Compilation"/>.</summary>
internal sealed class LoadedCorpus
{
    public LoadedCorpus(GeneratedCorpus generated, string directory, CSharpCompilation compilation, ImmutableArray<SyntaxTree> handlerTrees, TimeSpan parseTime)
    {
        Generated = generated;
        Directory = directory;
        Compilation = compilation;
        HandlerTrees = handlerTrees;
        ParseTime = parseTime;
    }

    public GeneratedCorpus Generated { get; }

    public string Directory { get; }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<SyntaxTree> HandlerTrees { get; }

    public TimeSpan ParseTime { get; }
}

/// <summary>One measured run: wall time, allocated bytes, and (for analyzer runs) Roslyn's per-analyzer execution time.</summary>
internal sealed record RunResult(TimeSpan Wall, long AllocatedBytes, ImmutableDictionary<string, TimeSpan> AnalyzerTimes, ImmutableArray<Diagnostic> Diagnostics)
{
    public TimeSpan AnalyzerTotal => AnalyzerTimes.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

/// <summary>
/// The measurements. Every run is single-threaded (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>) so that
/// compiler time and analyzer time (Roslyn's telemetry, summed over callbacks) are both CPU time on one core and comparable;
/// every run starts from a fresh <see cref="Compilation.Clone"/> of the parsed corpus (syntax trees are shared, semantic
/// state is not) after a full garbage collection.
/// </summary>
internal static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static LoadedCorpus Load(GeneratedCorpus generated, string directory, ImmutableArray<MetadataReference> references)
    {
        var stopwatch = Stopwatch.StartNew();
        var trees = new List<SyntaxTree>();
        var handlers = ImmutableArray.CreateBuilder<SyntaxTree>();
        var handlerPaths = generated.Files.Where(f => f.IsHandler).Select(f => Path.GetFullPath(Path.Combine(directory, f.Path))).ToHashSet(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var text = SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8);
            var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path);
            trees.Add(tree);
            if (handlerPaths.Contains(Path.GetFullPath(path)))
            {
                handlers.Add(tree);
            }
        }

        stopwatch.Stop();
        var compilation = CSharpCompilation.Create(
            generated.Kind == CorpusKind.Lambda ? "Contoso.Serverless" : "Contoso.Platform",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                concurrentBuild: false,
                // As the .NET SDK does (NoWarn 1701;1702): assembly-unification notices, one per reference per use.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        return new LoadedCorpus(generated, directory, compilation, handlers.ToImmutable(), stopwatch.Elapsed);
    }

    public static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Compiler diagnostics alone: <c>Compilation.GetDiagnostics()</c> on a fresh clone.</summary>
    public static RunResult Compiler(CSharpCompilation compilation)
    {
        var clone = compilation.Clone();
        Collect();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = clone.GetDiagnostics();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new RunResult(stopwatch.Elapsed, allocated, ImmutableDictionary<string, TimeSpan>.Empty, diagnostics);
    }

    /// <summary>
    /// The analyzers alone: <c>CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync()</c> on a fresh clone, with
    /// <c>logAnalyzerExecutionTime</c>; <see cref="RunResult.AnalyzerTimes"/> is Roslyn's telemetry per analyzer (keyed by
    /// type name, summed when a type has several instances).
    /// </summary>
    public static async Task<RunResult> Analyzers(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Failures failures, Func<CSharpCompilation, CSharpCompilation>? configure = null, ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var clone = configure is null ? compilation.Clone() : configure(compilation.Clone());
        var withAnalyzers = clone.WithAnalyzers(analyzers, Options(failures, additionalFiles));
        Collect();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            var name = Name(analyzer);
            times[name] = times.GetValueOrDefault(name) + telemetry.ExecutionTime;
        }

        return new RunResult(stopwatch.Elapsed, allocated, times.ToImmutableDictionary(StringComparer.Ordinal), diagnostics);
    }

    public static CompilationWithAnalyzersOptions Options(Failures failures, ImmutableArray<AdditionalText> additionalFiles = default) => new(
        new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
        failures.Record,
        concurrentAnalysis: false,
        logAnalyzerExecutionTime: true,
        reportSuppressedDiagnostics: false);

    public static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    /// <summary>
    /// The IDE case: one <see cref="CompilationWithAnalyzers"/> over the whole solution (declarations already bound, as in an
    /// IDE that has the project open) and, per sampled handler file, what the IDE does for an open document: the compiler's
    /// semantic diagnostics (<c>SemanticModel.GetDiagnostics()</c>), then the analyzers' on the same semantic model
    /// (<c>GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null)</c>), each timed. The same flow runs with
    /// <see cref="ShapeAnalyzer"/> (our registrations, doing nothing) on its own clone: what any analyzer of that shape costs.
    /// A second set of files is analyzed cold (analyzers first, nothing bound yet).
    /// </summary>
    public static async Task<SingleDocumentResult> SingleDocument(LoadedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, int samples, int warmups, Failures failures)
    {
        var trees = corpus.HandlerTrees;
        var count = 2 * (samples + warmups);
        var step = Math.Max(1, trees.Length / count);
        var picked = Enumerable.Range(0, count).Select(i => trees[(i * step + step / 2) % trees.Length]).ToList();
        var warmSet = picked.Where((_, i) => i % 2 == 0).ToList();
        var coldSet = picked.Where((_, i) => i % 2 == 1).ToList();

        var ours = await Flow(analyzers, warmSet, compilerFirst: true).ConfigureAwait(false);
        Collect();
        var shape = await Flow(ImmutableArray.Create<DiagnosticAnalyzer>(new ShapeAnalyzer()), warmSet, compilerFirst: true).ConfigureAwait(false);
        Collect();
        var plain = await Flow(ImmutableArray.Create<DiagnosticAnalyzer>(new OperationOnlyAnalyzer()), warmSet, compilerFirst: true).ConfigureAwait(false);
        Collect();
        var cold = await Flow(analyzers, coldSet, compilerFirst: false).ConfigureAwait(false);
        Collect();
        var profile = new ActionProfile();
        _ = await Flow(analyzers.Select(a => (DiagnosticAnalyzer)new ProfiledAnalyzer(a, profile)).ToImmutableArray(), warmSet, compilerFirst: true).ConfigureAwait(false);
        return new SingleDocumentResult(ours.Wall, ours.Own, ours.Compiler, shape.Wall, plain.Wall, cold.Wall, cold.Own, profile);

        async Task<(List<double> Wall, List<double> Own, List<double> Compiler)> Flow(ImmutableArray<DiagnosticAnalyzer> set, List<SyntaxTree> files, bool compilerFirst)
        {
            var clone = corpus.Compilation.Clone();
            _ = clone.GetDeclarationDiagnostics();
            var withAnalyzers = clone.WithAnalyzers(set, Options(failures));
            var wall = new List<double>();
            var own = new List<double>();
            var compiler = new List<double>();
            var previous = await OwnTime().ConfigureAwait(false);
            for (var i = 0; i < files.Count; i++)
            {
                var model = clone.GetSemanticModel(files[i]);
                var compilerWatch = Stopwatch.StartNew();
                if (compilerFirst)
                {
                    _ = model.GetDiagnostics();
                }

                compilerWatch.Stop();
                var stopwatch = Stopwatch.StartNew();
                _ = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
                stopwatch.Stop();
                var now = await OwnTime().ConfigureAwait(false);
                if (i >= warmups)
                {
                    wall.Add(stopwatch.Elapsed.TotalMilliseconds);
                    own.Add((now - previous).TotalMilliseconds);
                    compiler.Add(compilerWatch.Elapsed.TotalMilliseconds);
                }

                previous = now;
            }

            return (wall, own, compiler);

            async Task<TimeSpan> OwnTime()
            {
                var total = TimeSpan.Zero;
                foreach (var analyzer in set)
                {
                    total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
                }

                return total;
            }
        }
    }

    /// <summary>One instrumented run (see <see cref="ActionProfile"/>): where our analyzers' time and allocations go.</summary>
    public static async Task<(ActionProfile Profile, RunResult Run)> Profile(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Failures failures)
    {
        var profile = new ActionProfile();
        var wrapped = analyzers.Select(a => (DiagnosticAnalyzer)new ProfiledAnalyzer(a, profile)).ToImmutableArray();

        var (run, _) = await Metered(compilation, wrapped, failures).ConfigureAwait(false);
        return (profile, run);
    }

    /// <summary>
    /// One run with the product's meter on (<c>Internals/EngineMeter</c>: one static read per step otherwise): the shared
    /// engine's steps, and each rule's own callbacks (the rule host charges them to the rule, the engine's steps inside them
    /// excluded), keyed by rule ID.
    /// </summary>
    public static async Task<(RunResult Run, IReadOnlyDictionary<string, (long Calls, TimeSpan Time, long Bytes)> Rules)> Metered(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Failures failures)
    {
        LambdaBestPractices.Analyzers.Internals.EngineMeter.ResetRules();
        LambdaBestPractices.Analyzers.Internals.EngineMeter.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread;
        LambdaBestPractices.Analyzers.Internals.EngineMeter.Enabled = true;
        try
        {
            var run = await Analyzers(compilation, analyzers, failures).ConfigureAwait(false);
            var rules = LambdaBestPractices.Analyzers.Internals.EngineMeter.Rules.Where(p => p.Value.Calls > 0).ToDictionary(
                p => p.Key,
                p => (p.Value.Calls, Stopwatch.GetElapsedTime(0, p.Value.Ticks), p.Value.Bytes),
                StringComparer.Ordinal);
            return (run, rules);
        }
        finally
        {
            LambdaBestPractices.Analyzers.Internals.EngineMeter.Enabled = false;
        }
    }

    /// <summary>The shared engine's steps of the last metered run (<c>Internals/EngineMeter</c>), each as its outermost time.</summary>
    public static IEnumerable<(string Step, long Calls, TimeSpan Time)> EngineSteps()
    {
        for (var step = (LambdaBestPractices.Analyzers.Internals.EngineStep)0; step < LambdaBestPractices.Analyzers.Internals.EngineStep.Count; step++)
        {
            var (calls, ticks) = LambdaBestPractices.Analyzers.Internals.EngineMeter.StepCost(step);
            if (calls > 0)
            {
                yield return (step.ToString(), calls, Stopwatch.GetElapsedTime(0, ticks));
            }
        }
    }

    /// <summary>
    /// A rule's own time by kind of callback, with what it allocated there, e.g. <c>Operation 40.1 (3.2 MiB), TypeEnd 12.0
    /// (1.1 MiB)</c> (phases under 0.05 ms left out).
    /// </summary>
    public static string Phases(LambdaBestPractices.Analyzers.Internals.EngineMeter.RuleCost cost)
    {
        var parts = new List<string>();
        for (var phase = (LambdaBestPractices.Analyzers.Internals.RulePhase)0; phase < LambdaBestPractices.Analyzers.Internals.RulePhase.Count; phase++)
        {
            var ms = Stopwatch.GetElapsedTime(0, cost.TicksByPhase[(int)phase]).TotalMilliseconds;
            if (ms >= 0.05)
            {
                parts.Add(FormattableString.Invariant($"{phase} {ms:F1} ({cost.BytesByPhase[(int)phase] / 1048576.0:F1} MiB)"));
            }
        }

        return string.Join(", ", parts);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

internal sealed record SingleDocumentResult(
    List<double> WallMs,
    List<double> OurAnalyzerMs,
    List<double> CompilerMs,
    List<double> ShapeWallMs,
    List<double> OperationOnlyWallMs,
    List<double> ColdWallMs,
    List<double> ColdOurAnalyzerMs,
    ActionProfile Profile);

/// <summary>
/// The driver-cost control: registers what <c>PathRuleAnalyzer</c> registers for LBP101 (a named-type symbol start with an
/// operation-block action, an object-creation operation action and a symbol end; a compilation end) and does nothing in them.
/// </summary>
#pragma warning disable RS1001 // never registered with a host; the benchmark passes it to CompilationWithAnalyzers itself
internal sealed class ShapeAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        new DiagnosticDescriptor("BENCH002", "shape", "shape", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolStartAction(
                type =>
                {
                    type.RegisterOperationBlockAction(_ => { });
                    type.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation);
                    type.RegisterSymbolEndAction(_ => { });
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}

/// <summary>
/// The reporting control: an analyzer that does no analysis and reports one diagnostic at each of the given locations (our
/// rules' findings of an earlier run) from its compilation end. Its telemetry is what the driver charges an analyzer for
/// reporting that many diagnostics (checks, suppression state, queueing), the part of our time that grows with the findings
/// rather than with the code. It is configured as our host is (<c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c>): with
/// <c>None</c>, the driver tests each finding for generated code and scans, token by token, every file one lands in (about
/// 85 µs per finding here, measured before the host took that test over).
/// </summary>
#pragma warning disable RS1001 // never registered with a host; the benchmark passes it to CompilationWithAnalyzers itself
internal sealed class ReportingControlAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private readonly ImmutableArray<Location> _locations;

    public ReportingControlAnalyzer(ImmutableArray<Location> locations) => _locations = locations;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        new DiagnosticDescriptor("BENCH004", "finding", "finding", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(end =>
        {
            var finding = SupportedDiagnostics[0];
            foreach (var location in _locations)
            {
                end.ReportDiagnostic(Diagnostic.Create(finding, location));
            }
        });
    }
}

/// <summary>Analyzer exceptions (AD0001) seen during any run: the benchmark fails if there is one.</summary>
internal sealed class Failures
{
    private readonly ConcurrentQueue<string> _messages = new();

    public bool Any => !_messages.IsEmpty;

    public IEnumerable<string> Messages => _messages;

    public void Record(Exception exception, DiagnosticAnalyzer analyzer, Diagnostic diagnostic) =>
        _messages.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
}

/// <summary>The second control: the simplest operation-based analyzer, one object-creation operation action that does nothing.</summary>
#pragma warning disable RS1001 // never registered with a host; the benchmark passes it to CompilationWithAnalyzers itself
internal sealed class OperationOnlyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        new DiagnosticDescriptor("BENCH003", "operation", "operation", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation);
    }
}
