using System.Collections.Immutable;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using LambdaBestPractices.Analyzers.Benchmarks;
using LambdaBestPractices.Analyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.GenerateOnly)
{
    foreach (var kind in new[] { CorpusKind.Lambda, CorpusKind.Plain })
    {
        foreach (var n in options.Sizes)
        {
            var corpus = CorpusGenerator.Generate(kind, n, options.Seed);
            var directory = CorpusDirectory(options, kind, n);
            CorpusGenerator.Write(corpus, directory);
            Console.WriteLine($"wrote {directory}: {corpus.Files.Count} files, {corpus.Lines} lines, planted {Planted(corpus)}");
        }
    }

    return 0;
}

if (options.DeploymentCost)
{
    return await DeploymentCost.RunAsync(options).ConfigureAwait(false);
}

if (options.ProfileWorkload)
{
    return await ProfileWorkloadAsync(options).ConfigureAwait(false);
}

if (options.Baseline is { } baselineFile)
{
    return await BaselineAsync(options, baselineFile).ConfigureAwait(false);
}

return await new Benchmark(options).RunAsync().ConfigureAwait(false);

// The workload bench/profile.sh traces: our analyzers on the Lambda corpus of the largest size, a warm-up and 3 runs.
static async Task<int> ProfileWorkloadAsync(BenchOptions options)
{
    var references = References.Load();
    var ours = References.OurAnalyzers();
    var n = options.Sizes[^1];
    Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var concurrent) && concurrent}");
    var generated = CorpusGenerator.Generate(CorpusKind.Lambda, n, options.Seed);
    var directory = CorpusDirectory(options, CorpusKind.Lambda, n);
    CorpusGenerator.Write(generated, directory);
    var corpus = Harness.Load(generated, directory, references.Lambda);
    var failures = new Failures();
    var findings = ImmutableArray<Location>.Empty;
    for (var i = 0; i <= options.WorkloadRuns; i++)
    {
        var run = await Harness.Analyzers(corpus.Compilation, ours, failures).ConfigureAwait(false);
        Console.WriteLine($"{(i == 0 ? "warm-up" : "run " + i)}: our analyzers {run.AnalyzerTotal.TotalMilliseconds:F0} ms (telemetry), wall {run.Wall.TotalMilliseconds:F0} ms");
        findings = run.Diagnostics.Select(d => d.Location).ToImmutableArray();
    }

    // What reporting our findings costs by itself (the driver's share of each ReportDiagnostic), median of 3.
    {
        var reporting = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var run = await Harness.Analyzers(corpus.Compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ReportingControlAnalyzer(findings)), failures).ConfigureAwait(false);
            reporting.Add(run.AnalyzerTotal.TotalMilliseconds);
        }

        Console.WriteLine($"reporting control: {findings.Length:N0} findings reported, telemetry {Harness.Median(reporting):F1} ms (median of 3)");
    }

    foreach (var line in await ModelProfile.RunAsync(corpus.Compilation, 3).ConfigureAwait(false))
    {
        Console.WriteLine(line);
    }

    // The control: an analyzer with our registrations and empty callbacks. Its symbol-start allocations are the driver's
    // own per-type registration cost, which ours includes.
    {
        var (profile, run) = await Harness.Profile(corpus.Compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ShapeAnalyzer()), failures).ConfigureAwait(false);
        Console.WriteLine($"control (ShapeAnalyzer: our registrations, empty callbacks), instrumented: telemetry {run.AnalyzerTotal.TotalMilliseconds:F0} ms");
        foreach (var (site, calls, time, pause, bytes) in profile.Sites)
        {
            Console.WriteLine($"  {time.TotalMilliseconds,8:F1} ms  (GC pauses {pause.TotalMilliseconds,7:F1} ms)  {bytes / 1048576.0,7:F1} MiB  {calls,8:N0} calls  {site}");
        }
    }

    for (var i = 1; i <= 2; i++)
    {
        var (profile, run) = await Harness.Profile(corpus.Compilation, ours, failures).ConfigureAwait(false);
        Console.WriteLine($"instrumented run {i}: telemetry {run.AnalyzerTotal.TotalMilliseconds:F0} ms");
        foreach (var (site, calls, time, pause, bytes) in profile.Sites)
        {
            Console.WriteLine($"  {time.TotalMilliseconds,8:F1} ms  (GC pauses {pause.TotalMilliseconds,7:F1} ms)  {bytes / 1048576.0,7:F1} MiB  {calls,8:N0} calls  {site}");
        }

        // Each rule's own callbacks, the engine's steps inside them excluded (the product's meter, on for this pass).
        foreach (var (rule, cost) in LambdaBestPractices.Analyzers.Internals.EngineMeter.Rules.Where(p => p.Value.Calls > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {System.Diagnostics.Stopwatch.GetElapsedTime(0, cost.Ticks).TotalMilliseconds,8:F1} ms  own time  {cost.Bytes / 1048576.0,7:F1} MiB  {cost.Calls,8:N0} calls  {rule}  ({Harness.Phases(cost)})");
        }

        Console.WriteLine($"  {profile.Sites.Aggregate(TimeSpan.Zero, (a, s) => a + s.Time).TotalMilliseconds - LambdaBestPractices.Analyzers.Internals.EngineMeter.Rules.Values.Sum(c => System.Diagnostics.Stopwatch.GetElapsedTime(0, c.Ticks).TotalMilliseconds),8:F1} ms  engine, host dispatch and driver (instrumented total less the rules' own time)");
        foreach (var (step, calls, time) in Harness.EngineSteps())
        {
            Console.WriteLine($"  {time.TotalMilliseconds,8:F1} ms  engine step {calls,8:N0} calls  {step}");
        }
    }

    return failures.Any ? 1 : 0;
}

// The diagnostic baseline (docs/testing.md): every diagnostic of ours on the Lambda and the plain corpus of each size, one
// "ID<TAB>corpus/path<TAB>line<TAB>message" line each, sorted; .ci/check-diagnostic-baseline.py compares it with the one
// committed in tests/Baseline/.
static async Task<int> BaselineAsync(BenchOptions options, string file)
{
    var references = References.Load();
    var ours = References.OurAnalyzers();
    var failures = new Failures();
    var lines = new List<string>();
    foreach (var n in options.Sizes)
    {
        foreach (var kind in new[] { CorpusKind.Lambda, CorpusKind.Plain })
        {
            var generated = CorpusGenerator.Generate(kind, n, options.Seed);
            var directory = CorpusDirectory(options, kind, n);
            CorpusGenerator.Write(generated, directory);
            var corpus = Harness.Load(generated, directory, kind == CorpusKind.Lambda ? references.Lambda : references.Framework);
            var run = await Harness.Analyzers(corpus.Compilation, ours, failures).ConfigureAwait(false);
            var prefix = $"{kind.ToString().ToLowerInvariant()}-{n}";
            var count = 0;
            foreach (var diagnostic in run.Diagnostics.Where(d => d.Id.StartsWith("LBP", StringComparison.Ordinal)))
            {
                var span = diagnostic.Location.GetLineSpan();
                var path = Path.GetRelativePath(directory, span.Path).Replace('\\', '/');
                lines.Add($"{diagnostic.Id}\t{prefix}/{path}\t{span.StartLinePosition.Line + 1}\t{diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
                count++;
            }

            Console.WriteLine($"{prefix} (seed {options.Seed}): {count} diagnostics of ours");
        }
    }

    lines.Sort(StringComparer.Ordinal);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
    File.WriteAllLines(file, lines);
    Console.WriteLine($"wrote {file}: {lines.Count} lines");
    foreach (var failure in failures.Messages)
    {
        Console.Error.WriteLine(failure);
    }

    return failures.Any ? 1 : 0;
}

static string CorpusDirectory(BenchOptions options, CorpusKind kind, int n) =>
    Path.Combine(options.OutputDirectory, "corpus", $"{kind.ToString().ToLowerInvariant()}-{n}-seed{options.Seed}");

static string Planted(GeneratedCorpus corpus) => string.Join(", ", corpus.Planted.Select(p => $"{p.Key} {p.Value}"));

internal sealed record BenchOptions(bool Quick, bool GenerateOnly, bool ProfileWorkload, int[] Sizes, int Seed, string OutputDirectory, int DocumentSamples)
{
    public int WorkloadRuns { get; init; } = 3;

    /// <summary>With <c>baseline FILE</c>: write the diagnostic baseline of the corpora to FILE instead of measuring.</summary>
    public string? Baseline { get; init; }

    /// <summary><c>deployment-cost</c>: what reading the deployment files costs (<see cref="DeploymentCost"/>).</summary>
    public bool DeploymentCost { get; init; }

    public const string Usage =
        """
        usage: LambdaBestPractices.Analyzers.Benchmarks [--quick] [--sizes 250,1000,4000] [--seed 8] [--out DIR] [--documents 100]
               LambdaBestPractices.Analyzers.Benchmarks generate [--sizes ...] [--seed ...] [--out DIR]
               LambdaBestPractices.Analyzers.Benchmarks profile-workload [--sizes N] [--runs 3]   (what bench/profile.sh traces)
               LambdaBestPractices.Analyzers.Benchmarks baseline FILE [--sizes 250] [--seed 8] [--out DIR]   (the diagnostic baseline)
               LambdaBestPractices.Analyzers.Benchmarks deployment-cost [--sizes N] [--runs 3]   (what reading deployment files costs)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var quick = false;
        var generate = false;
        var profile = false;
        var deployment = false;
        int[]? sizes = null;
        var seed = 8;
        var output = Path.Combine(Environment.CurrentDirectory, "bench", "out");
        int? documents = null;
        var runs = 3;
        string? baseline = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "generate":
                    generate = true;
                    break;
                case "profile-workload":
                    profile = true;
                    break;
                case "deployment-cost":
                    deployment = true;
                    break;
                case "baseline" when i + 1 < args.Length:
                    baseline = Path.GetFullPath(args[++i]);
                    break;
                case "--sizes" when i + 1 < args.Length:
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--documents" when i + 1 < args.Length:
                    documents = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    return null;
            }
        }

        sizes ??= quick ? new[] { 50 } : baseline is not null ? new[] { 250 } : deployment ? new[] { 1000 } : new[] { 250, 1000, 4000 };
        return new BenchOptions(quick, generate, profile, sizes.OrderBy(s => s).ToArray(), seed, output, documents ?? (quick ? 10 : 100)) { WorkloadRuns = runs, Baseline = baseline, DeploymentCost = deployment };
    }

    /// <summary>Measured repetitions per size (after the warm-up runs): fewer at the large sizes, where one run takes longest.</summary>
    public int Repetitions(int n) => Quick ? 1 : n switch
    {
        <= 500 => 7,
        <= 2000 => 5,
        _ => 3,
    };

    /// <summary>Warm-up runs before the measured ones: one at the first (smallest) size, which warms the JIT and the metadata caches for all.</summary>
    public int Warmups(int n) => Quick || n != Sizes[0] ? 0 : 1;
}

internal sealed class Benchmark
{
    private const double FullSetTarget = 0.03;
    private const double PlainTarget = 0.005;
    private const double ScalingTarget = 1.1;
    private const double DocumentTargetMs = 20;

    private readonly BenchOptions _options;
    private readonly StringBuilder _markdown = new();
    private readonly Failures _failures = new();
    private readonly List<SizeResult> _sizes = new();

    public Benchmark(BenchOptions options) => _options = options;

    public async Task<int> RunAsync()
    {
        var started = DateTime.UtcNow;
        Heading(_options.Quick ? "LambdaBestPractices.Analyzers benchmark (quick mode: small N, one run, nothing judged)" : "LambdaBestPractices.Analyzers benchmark");
        Machine();

        var references = References.Load();
        var ours = References.OurAnalyzers();
        if (ours.IsEmpty)
        {
            Console.Error.WriteLine("error: no analyzer found in LambdaBestPractices.Analyzers");
            return 1;
        }

        Line($"Analyzers under test (every C# analyzer in LambdaBestPractices.Analyzers, found by reflection): " +
             string.Join(", ", ours.Select(a => $"{Harness.Name(a)} ({string.Join("/", a.SupportedDiagnostics.Select(d => d.Id).Distinct())})")));
        Line($"Lambda corpus references: {references.Framework.Length} framework reference assemblies, the AWSSDK.* and Microsoft.Extensions.* packages, " +
             $"and {references.StubAssemblies.Count} API-surface stub assemblies ({string.Join(", ", references.StubAssemblies)}). Plain corpus: framework only.");
        Line($"Seed {_options.Seed}; sizes {string.Join(", ", _options.Sizes)}; warm-up runs (compiler and analyzers, per corpus) {_options.Warmups(_options.Sizes[0])} at the first size and none after; measured runs " +
             string.Join(", ", _options.Sizes.Select(n => $"{_options.Repetitions(n)} at N={n}")) + ".");
        Line("Every run is single-threaded (concurrentBuild: false, concurrentAnalysis: false) and starts from a fresh Compilation.Clone() after a full GC.");

        // The NetAnalyzers comparison runs on the N = 1,000 corpus (or the largest, if there is no 1,000): its "all rules" run
        // costs several times the compiler, so at N = 4,000 it alone would take most of the half hour.
        var perRuleSize = _options.Sizes.Contains(1000) ? 1000 : _options.Sizes[^1];
        PerRuleResult? perRule = null;
        LoadedCorpus? largestLambda = null;
        foreach (var n in _options.Sizes)
        {
            var lambda = Prepare(CorpusKind.Lambda, n, references.Lambda);
            var lambdaResult = await MeasureAsync(lambda, ours).ConfigureAwait(false);
            if (n == perRuleSize)
            {
                Harness.Collect();
                perRule = await PerRuleAsync(references, lambda, lambdaResult).ConfigureAwait(false);
            }

            var plain = Prepare(CorpusKind.Plain, n, references.Framework);
            var plainResult = await MeasureAsync(plain, ours).ConfigureAwait(false);
            _sizes.Add(new SizeResult(n, lambdaResult, plainResult));
            largestLambda = lambda;
            Harness.Collect();
        }

        RatioTable();
        var largest = _sizes[^1];
        var document = await SingleDocumentAsync(largestLambda!, ours).ConfigureAwait(false);
        await ProfileAsync(largestLambda!, ours).ConfigureAwait(false);
        Diagnostics(largest);
        Targets(largest, perRule!, document);

        Heading("Run");
        Line($"Total time {(DateTime.UtcNow - started).TotalMinutes:F1} min.");
        if (_failures.Any)
        {
            Line("Analyzer exceptions (AD0001): " + string.Join("; ", _failures.Messages.Distinct().Take(10)));
        }

        Directory.CreateDirectory(_options.OutputDirectory);
        var resultsFile = Path.Combine(_options.OutputDirectory, _options.Quick ? "results-quick.md" : "results.md");
        File.WriteAllText(resultsFile, _markdown.ToString());
        Console.WriteLine();
        Console.WriteLine($"Results written to {resultsFile}");
        return _failures.Any ? 1 : 0;
    }

    private void Machine()
    {
        Heading("Machine");
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : RuntimeInformation.ProcessArchitecture.ToString();
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        Line($"CPU: {cpu}; logical processors: {Environment.ProcessorCount}; memory: {memory}");
        Line($"OS: {RuntimeInformation.OSDescription}; runtime: {RuntimeInformation.FrameworkDescription}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c}");
        Line($"Host compiler: Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version} (the Roslyn of this machine's .NET SDK); corpus language version C# 12.");
    }

    private LoadedCorpus Prepare(CorpusKind kind, int n, ImmutableArray<MetadataReference> references)
    {
        var generated = CorpusGenerator.Generate(kind, n, _options.Seed);
        var directory = Path.Combine(_options.OutputDirectory, "corpus", $"{kind.ToString().ToLowerInvariant()}-{n}-seed{_options.Seed}");
        CorpusGenerator.Write(generated, directory);
        var corpus = Harness.Load(generated, directory, references);
        Heading($"N = {n}, {kind} corpus");
        Line($"{generated.Files.Count} files ({generated.Files.Count(f => f.IsHandler)} handler files), {generated.Lines:N0} lines, in {Relative(directory)}; parsed in {corpus.ParseTime.TotalSeconds:F1} s.");
        Line($"Handler kinds: {string.Join(", ", generated.HandlerKinds.Select(k => $"{k.Key} {k.Value}"))}.");
        Line(kind == CorpusKind.Lambda
            ? $"Planted violations: {string.Join(", ", generated.Planted.Select(p => $"{p.Key} {p.Value}"))}."
            : $"Look-alikes that must stay silent: {string.Join(", ", generated.Planted.Select(p => $"{p.Key} {p.Value}"))}.");
        return corpus;
    }

    private async Task<CorpusResult> MeasureAsync(LoadedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var n = corpus.Generated.Handlers;
        var compilerRuns = new List<RunResult>();
        var analyzerRuns = new List<RunResult>();
        var reps = _options.Repetitions(n);
        var warmups = _options.Warmups(n);
        Line("");
        Line("| run | compiler GetDiagnostics (ms) | our analyzers, telemetry (ms) | ratio | CompilationWithAnalyzers wall (ms) |");
        Line("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < warmups + reps; i++)
        {
            var compiler = Harness.Compiler(corpus.Compilation);
            if (i == 0)
            {
                var errors = compiler.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"The generated {corpus.Generated.Kind} corpus does not compile ({errors.Count} errors):{Environment.NewLine}" +
                                                        string.Join(Environment.NewLine, errors.Take(15)));
                }
            }

            var analyzers = await Harness.Analyzers(corpus.Compilation, ours, _failures).ConfigureAwait(false);
            var warm = i < warmups;
            Line($"| {(warm ? "warm-up" : (i - warmups + 1).ToString(CultureInfo.InvariantCulture))} | {Ms(compiler.Wall)} | {Ms(analyzers.AnalyzerTotal)} | " +
                 $"{Percent(analyzers.AnalyzerTotal / compiler.Wall)} | {Ms(analyzers.Wall)} |");
            if (!warm)
            {
                compilerRuns.Add(compiler with { Diagnostics = i == warmups ? compiler.Diagnostics : ImmutableArray<Diagnostic>.Empty });
                analyzerRuns.Add(analyzers with { Diagnostics = i == warmups ? analyzers.Diagnostics : ImmutableArray<Diagnostic>.Empty });
            }
        }

        // One more run, instrumented (see ActionProfile): how much of our callbacks' time was GC pauses that fell inside them.
        ActionProfile? profile = null;
        if (corpus.Generated.Kind == CorpusKind.Lambda)
        {
            (profile, _) = await Harness.Profile(corpus.Compilation, ours, _failures).ConfigureAwait(false);
        }

        var result = new CorpusResult(corpus.Generated, compilerRuns, analyzerRuns, profile);
        Line("");
        Line($"Median: compiler {Ms(result.CompilerMs)} ms, our analyzers {Ms(result.AnalyzerMs)} ms, ratio {Percent(result.Ratio)}; " +
             $"compiler warnings {compilerRuns[0].Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)}, " +
             $"analyzer diagnostics {analyzerRuns[0].Diagnostics.Length}.");
        return result;
    }

    private void RatioTable()
    {
        Heading("Ratios: our full rule set vs. compiler diagnostics");
        Line("Ratio = median of our analyzers' execution time (Roslyn telemetry, `logAnalyzerExecutionTime`) / median of `Compilation.GetDiagnostics()` wall time, same corpus, same process.");
        Line("The wall-clock column is the whole `GetAnalyzerDiagnosticsAsync()` call, which also binds every method body (the compiler's work) and builds the IOperation trees for the analyzer driver.");
        Line("");
        Line("| N | corpus | files | lines | compiler (ms) | our analyzers (ms) | ratio | CWA wall (ms) | allocated: compiler | allocated: CWA |");
        Line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in _sizes)
        {
            foreach (var corpus in new[] { size.Lambda, size.Plain })
            {
                Line($"| {size.N:N0} | {corpus.Corpus.Kind} | {corpus.Corpus.Files.Count:N0} | {corpus.Corpus.Lines:N0} | {Ms(corpus.CompilerMs)} | {Ms(corpus.AnalyzerMs)} | " +
                     $"**{Percent(corpus.Ratio)}** | {Ms(corpus.AnalyzerWallMs)} | {Bytes(corpus.CompilerBytes)} | {Bytes(corpus.AnalyzerBytes)} |");
            }
        }

        Line("");
        Line("Per analyzer (Lambda corpus, median ms over the measured runs):");
        Line("");
        var names = _sizes.SelectMany(z => z.Lambda.AnalyzerRuns.SelectMany(r => r.AnalyzerTimes.Keys)).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        Line("| analyzer | " + string.Join(" | ", _sizes.Select(z => $"N = {z.N:N0}")) + " |");
        Line("| --- | " + string.Join(" | ", _sizes.Select(_ => "---:")) + " |");
        foreach (var name in names)
        {
            Line($"| {name} | " + string.Join(" | ", _sizes.Select(z => Harness.Median(z.Lambda.AnalyzerRuns.Select(r => r.AnalyzerTimes.GetValueOrDefault(name).TotalMilliseconds)).ToString("F1", CultureInfo.InvariantCulture))) + " |");
        }

        Line("");
        Line("The telemetry includes the garbage collections that happen to fall inside our callbacks (the heap is the compiler's, several GiB at N = 4,000); " +
             "one extra instrumented run per size (ActionProfile) separates them:");
        Line("");
        Line("| N | our callbacks, instrumented run (ms) | of which GC pauses (ms) | without them (ms) | ratio without GC pauses |");
        Line("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in _sizes)
        {
            var l = size.Lambda;
            Line($"| {size.N:N0} | {Ms(l.OwnMsWithoutGc + l.OwnGcPauseMs)} | {Ms(l.OwnGcPauseMs)} | {Ms(l.OwnMsWithoutGc)} | {Percent(l.RatioWithoutGc)} |");
        }

        if (_sizes.Count >= 2)
        {
            var (previous, last) = (_sizes[^2], _sizes[^1]);
            Line("");
            Line($"Scaling (Lambda corpus): ratio at N={last.N:N0} / ratio at N={previous.N:N0} = {last.Lambda.Ratio / previous.Lambda.Ratio:F2}×; " +
                 $"analyzer time grew {last.Lambda.AnalyzerMs / previous.Lambda.AnalyzerMs:F2}× for {(double)last.Lambda.Corpus.Lines / previous.Lambda.Corpus.Lines:F2}× the lines " +
                 $"(compiler time {last.Lambda.CompilerMs / previous.Lambda.CompilerMs:F2}×). Without GC pauses: {last.Lambda.RatioWithoutGc / previous.Lambda.RatioWithoutGc:F2}× " +
                 $"({last.Lambda.OwnMsWithoutGc / previous.Lambda.OwnMsWithoutGc:F2}× the time).");
        }
    }

    private async Task<PerRuleResult> PerRuleAsync(References references, LoadedCorpus corpus, CorpusResult lambda)
    {
        Heading($"Per rule, N = {lambda.Corpus.Handlers:N0} Lambda corpus");
        var hostMs = Harness.Median(lambda.AnalyzerRuns.Select(r => r.AnalyzerTotal.TotalMilliseconds));

        // The package is one analyzer (the rule host), so Roslyn's telemetry has one line for all rules. A rule's own time
        // comes from the product's meter (the host charges each callback to its rule, the shared engine's steps inside it
        // excluded), median over metered runs of their own.
        var meteredRuns = _options.Quick ? 1 : 3;
        var perRun = new List<IReadOnlyDictionary<string, (long Calls, TimeSpan Time, long Bytes)>>();
        var meteredTotals = new List<double>();
        for (var i = 0; i < meteredRuns; i++)
        {
            var (run, rules) = await Harness.Metered(corpus.Compilation, References.OurAnalyzers(), _failures).ConfigureAwait(false);
            perRun.Add(rules);
            meteredTotals.Add(run.AnalyzerTotal.TotalMilliseconds);
            Harness.Collect();
        }

        var ourTimes = perRun.SelectMany(r => r).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => Harness.Median(g.Select(p => p.Value.Time.TotalMilliseconds)));
        var ourBytes = perRun.SelectMany(r => r).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => Harness.Median(g.Select(p => (double)p.Value.Bytes)));
        var meteredTotal = Harness.Median(meteredTotals);
        Line($"Ours: the one analyzer (`LambdaBestPracticesAnalyzer`, every rule) took {hostMs:F1} ms (telemetry, median over the measured runs above). " +
             $"Each rule's own callbacks, median over {meteredRuns} metered run(s) (telemetry of those runs {meteredTotal:F1} ms; the meter adds a little): " +
             "the shared engine's steps and the host's dispatch are not in any rule's line.");
        Line("");
        Line("| rule | own time (ms) | share of compiler time | allocated |");
        Line("| --- | ---: | ---: | ---: |");
        foreach (var (name, ms) in ourTimes.OrderByDescending(p => p.Value))
        {
            Line($"| {name} | {ms:F1} | {Percent(ms / lambda.CompilerMs)} | {Bytes((long)ourBytes[name])} |");
        }

        Line($"| engine, host dispatch and driver (the rest of the telemetry) | {meteredTotal - ourTimes.Values.Sum():F1} | {Percent((meteredTotal - ourTimes.Values.Sum()) / lambda.CompilerMs)} | |");

        var net = references.NetAnalyzers();
        Line("");
        Line($"Microsoft.CodeAnalysis.NetAnalyzers 11.0.100: {net.Length} C# analyzers loaded from {references.NetAnalyzersPackage}. One run per configuration on the same corpus " +
             "(telemetry per analyzer; a \"rule\" here is an analyzer class, which may report several IDs, as ours do).");
        var medians = new List<(string Config, double Median, int Count, double Total)>();
        foreach (var config in new[] { "package defaults", "all rules enabled" })
        {
            if (_options.Quick && config != "package defaults")
            {
                continue;
            }

            var all = config != "package defaults";
            var run = await Harness.Analyzers(corpus.Compilation, net, _failures, all ? c => EnableAll(c, net) : null).ConfigureAwait(false);
            var enabled = all
                ? net
                : net.Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault)).ToImmutableArray();
            var names = enabled.Select(Harness.Name).ToHashSet(StringComparer.Ordinal);
            var times = run.AnalyzerTimes.Where(p => names.Contains(p.Key)).Select(p => p.Value.TotalMilliseconds).ToList();
            var median = Harness.Median(times);
            medians.Add((config, median, times.Count, times.Sum()));
            Line("");
            Line($"- {config}: {times.Count} analyzers run; median {median:F1} ms per analyzer " +
                 $"(p25 {Harness.Percentile(times, 0.25):F1}, p75 {Harness.Percentile(times, 0.75):F1}, max {times.Max():F1} ms: {run.AnalyzerTimes.OrderByDescending(p => p.Value).First().Key}); " +
                 $"all together {times.Sum():F0} ms = {Percent(times.Sum() / lambda.CompilerMs)} of compiler time; wall {Ms(run.Wall)} ms; {run.Diagnostics.Length:N0} diagnostics.");
            Harness.Collect();
        }

        var reference = medians.Min(m => m.Median);
        return new PerRuleResult(lambda.Corpus.Handlers, ourTimes, reference, string.Join(", ", medians.Select(m => $"{m.Config} {m.Median:F1} ms")));
    }

    private static CSharpCompilation EnableAll(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal);
        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItems(ids.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn)))));
    }

    private async Task<SingleDocumentResult> SingleDocumentAsync(LoadedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        Heading($"Single document (IDE), N = {corpus.Generated.Handlers:N0} Lambda corpus");
        var warmups = _options.Quick ? 0 : 10;
        var result = await Harness.SingleDocument(corpus, ours, _options.DocumentSamples, warmups, _failures).ConfigureAwait(false);
        Line($"{result.WallMs.Count} handler files spread over the solution (after {warmups} warm-up files), and as many other handler files for the cold case. " +
             "One CompilationWithAnalyzers over the whole compilation, declarations bound. Per file, what an IDE does for an open document: " +
             "the compiler's semantic diagnostics on the document's semantic model, then `GetAnalyzerSemanticDiagnosticsAsync(model, null)` on the same model.");
        Line("");
        Line("| per file (ms) | median | p90 | max |");
        Line("| --- | ---: | ---: | ---: |");
        Row("**our analyzers: the analysis call, wall** (after the compiler's diagnostics of the file)", result.WallMs, "F1", bold: true);
        Row("of which our analyzers' own callbacks (telemetry)", result.OurAnalyzerMs, "F2");
        Row("control: the same call with an analyzer of our shape that does nothing", result.ShapeWallMs, "F1");
        Row("control: the same call with one no-op object-creation operation action", result.OperationOnlyWallMs, "F1");
        Row("the compiler's semantic diagnostics of the file (before the call)", result.CompilerMs, "F1");
        Row("cold: the analysis call on a file nothing has bound yet, wall", result.ColdWallMs, "F1");
        Row("cold: of which our analyzers' own callbacks", result.ColdOurAnalyzerMs, "F2");
        Line("");
        Line($"Our callbacks per file (the warm flow again, instrumented; mean per file over {result.WallMs.Count + warmups} files). " +
             $"Compilation-start actions ran {result.Profile.CompilationStarts} times on {result.Profile.DistinctCompilations} distinct Compilation instances: " +
             "the driver runs them again for every document request, on a new Compilation, so per-compilation caches keyed on it start empty each time.");
        Line("");
        Line("| site | calls per file | ms per file |");
        Line("| --- | ---: | ---: |");
        var files = result.WallMs.Count + warmups;
        foreach (var (site, calls, time, _, _) in result.Profile.Sites)
        {
            Line($"| {site} | {calls / (double)files:F1} | {time.TotalMilliseconds / files:F2} |");
        }
        Harness.Collect();
        return result;
    }

    private void Row(string label, List<double> values, string format, bool bold = false)
    {
        var median = Harness.Median(values).ToString(format, CultureInfo.InvariantCulture);
        Line($"| {label} | {(bold ? "**" + median + "**" : median)} | {Harness.Percentile(values, 0.9).ToString(format, CultureInfo.InvariantCulture)} | " +
             $"{values.Max().ToString(format, CultureInfo.InvariantCulture)} |");
    }

    private async Task ProfileAsync(LoadedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        Heading($"Where our analyzers' time goes (instrumented run, N = {corpus.Generated.Handlers:N0} Lambda corpus)");
        var (profile, run) = await Harness.Profile(corpus.Compilation, ours, _failures).ConfigureAwait(false);
        var rules = LambdaBestPractices.Analyzers.Internals.EngineMeter.Rules.Where(p => p.Value.Calls > 0).ToDictionary(
            p => p.Key, p => (Calls: p.Value.Calls, Time: System.Diagnostics.Stopwatch.GetElapsedTime(0, p.Value.Ticks), Bytes: p.Value.Bytes), StringComparer.Ordinal);
        var sites = profile.Sites.ToList();
        var total = sites.Aggregate(TimeSpan.Zero, (a, s) => a + s.Time);
        var totalBytes = sites.Sum(s => s.Bytes);
        var totalPause = sites.Aggregate(TimeSpan.Zero, (a, s) => a + s.GcPause);
        Line("Each registered action wrapped, timed and its allocations counted (bytes allocated on the calling thread). " +
             "Site = action kind: declaring type.method of the callback (lambdas named after the method that declares them).");
        Line("");
        Line("| site | calls | time (ms) | share | of which GC pauses (ms) | allocated |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (site, calls, time, pause, bytes) in sites)
        {
            Line($"| {site} | {calls:N0} | {time.TotalMilliseconds:F1} | {Percent(time / total)} | {pause.TotalMilliseconds:F1} | {Bytes(bytes)} |");
        }

        Line($"| total (telemetry of the same run: {Ms(run.AnalyzerTotal)} ms) | | {total.TotalMilliseconds:F1} | | {totalPause.TotalMilliseconds:F1} | {Bytes(totalBytes)} |");

        Line("");
        Line("Per rule, and the shared engine on its own line (same run): each rule's callbacks (the rule host charges them to the " +
             "rule) less the engine steps that ran inside them, measured in the product by `Internals/EngineMeter` (the symbol table, the text prefilter's scans, the " +
             "handler model's walks and reachability, the type bodies and their value-origin index). Whichever rule reaches a " +
             "shared step first runs it; here it is charged to the engine, not to that rule. Time includes the GC pauses that fell " +
             "inside; allocated = bytes allocated on the calling thread.");
        Line("");
        Line("| part | callbacks | time (ms) | share | allocated |");
        Line("| --- | ---: | ---: | ---: | ---: |");
        var analyzers = profile.Analyzers.ToList();
        var engineTime = analyzers.Aggregate(TimeSpan.Zero, (a, x) => a + x.EngineTime);
        var engineBytes = analyzers.Sum(x => x.EngineBytes);
        Line($"| **shared engine** | | **{engineTime.TotalMilliseconds:F1}** | {Percent(engineTime / total)} | {Bytes(engineBytes)} |");
        foreach (var (step, calls, time) in Harness.EngineSteps())
        {
            Line($"| engine: {step} | {calls:N0} | {time.TotalMilliseconds:F1} | {Percent(time / total)} | |");
        }

        var ruleTime = TimeSpan.Zero;
        long ruleBytes = 0;
        foreach (var (rule, cost) in rules.OrderByDescending(r => r.Value.Time))
        {
            ruleTime += cost.Time;
            ruleBytes += cost.Bytes;
            Line($"| {rule} | {cost.Calls:N0} | {cost.Time.TotalMilliseconds:F1} | {Percent(cost.Time / total)} | {Bytes(cost.Bytes)} |");
        }

        foreach (var (analyzer, calls, time, bytes, ownEngineTime, ownEngineBytes) in analyzers)
        {
            // What is left of the analyzer's callbacks: the host's dispatch, the per-type registrations, the meter itself.
            var rest = time - ownEngineTime - ruleTime;
            Line($"| {analyzer}: host dispatch and registrations | {calls:N0} | {rest.TotalMilliseconds:F1} | {Percent(rest / total)} | {Bytes(bytes - ownEngineBytes - ruleBytes)} |");
        }

        Line($"| total | | {total.TotalMilliseconds:F1} | | {Bytes(totalBytes)} |");
        Harness.Collect();

        // The part that grows with the findings, not the code: the driver's handling of each reported diagnostic.
        var findings = run.Diagnostics.Select(d => d.Location).ToImmutableArray();
        var reporting = new List<double>();
        for (var i = 0; i < (_options.Quick ? 1 : 3); i++)
        {
            var control = await Harness.Analyzers(corpus.Compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ReportingControlAnalyzer(findings)), _failures).ConfigureAwait(false);
            reporting.Add(control.AnalyzerTotal.TotalMilliseconds);
        }

        Line("");
        Line($"Reporting alone (`ReportingControlAnalyzer`: no analysis, one diagnostic at each of our {findings.Length:N0} findings' locations, " +
             $"from its compilation end): **{Harness.Median(reporting):F1} ms** (median of {reporting.Count}), the driver's cost of reporting as many " +
             "diagnostics as our rules find here; it is inside our callbacks' time above and grows with the findings, not with the code.");
        Harness.Collect();

        Line("");
        Line("Inside the shared handler model (Model/*), driven directly on the operation blocks the driver hands out (see ModelProfile.cs):");
        Line("");
        foreach (var line in await ModelProfile.RunAsync(corpus.Compilation, _options.Quick ? 1 : 3).ConfigureAwait(false))
        {
            Line(line);
        }

        Harness.Collect();
    }

    private void Diagnostics(SizeResult size)
    {
        Heading($"Diagnostics at N = {size.N:N0}: reported vs. planted");
        Line("| rule | planted (Lambda) | reported (Lambda) | look-alikes (plain) | reported (plain) |");
        Line("| --- | ---: | ---: | ---: | ---: |");
        var implemented = References.OurAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var lambda = size.Lambda.AnalyzerRuns[0].Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var plain = size.Plain.AnalyzerRuns[0].Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in size.Lambda.Corpus.Planted.Keys.Union(lambda.Keys).Union(plain.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var reported = implemented.Contains(rule) ? lambda.GetValueOrDefault(rule).ToString(CultureInfo.InvariantCulture) : "not implemented yet";
            var reportedPlain = implemented.Contains(rule) ? plain.GetValueOrDefault(rule).ToString(CultureInfo.InvariantCulture) : "-";
            Line($"| {rule} | {size.Lambda.Corpus.Planted.GetValueOrDefault(rule)} | {reported} | {size.Plain.Corpus.Planted.GetValueOrDefault(rule)} | {reportedPlain} |");
        }
    }

    private void Targets(SizeResult largest, PerRuleResult perRule, SingleDocumentResult document)
    {
        Heading("Targets");
        if (_options.Quick)
        {
            Line("Quick mode: small N and one cold run, so the numbers below are printed for the record and not judged against the targets.");
        }

        var rows = new List<(string Target, string Measured, bool Met)>
        {
            ($"full rule set ≤ 3 % of compiler diagnostics time at N = {largest.N:N0}", Percent(largest.Lambda.Ratio), largest.Lambda.Ratio <= FullSetTarget),
            ($"≤ 0.5 % on the non-Lambda corpus (N = {largest.N:N0})", Percent(largest.Plain.Ratio), largest.Plain.Ratio <= PlainTarget),
        };
        if (_sizes.Count >= 2)
        {
            var previous = _sizes[^2];
            var factor = largest.Lambda.Ratio / previous.Lambda.Ratio;
            rows.Add(($"scaling: ratio at N = {largest.N:N0} ≤ 1.1 × ratio at N = {previous.N:N0}", $"{factor:F2}× ({Percent(largest.Lambda.Ratio)} vs {Percent(previous.Lambda.Ratio)})", factor <= ScalingTarget));
        }

        foreach (var (name, ms) in perRule.Ours)
        {
            rows.Add(($"{name} at or below NetAnalyzers' median per-rule time (N = {perRule.N:N0})", $"{ms:F1} ms vs {perRule.ReferenceMedian:F1} ms ({perRule.ReferenceDetail}; the lower is the bar)", ms <= perRule.ReferenceMedian));
        }

        var documentMedian = Harness.Median(document.WallMs);
        rows.Add(("single-document analysis ≤ 20 ms median", $"{documentMedian:F1} ms", documentMedian <= DocumentTargetMs));

        Line("");
        Line("| target | measured | result |");
        Line("| --- | --- | --- |");
        foreach (var (target, measured, met) in rows)
        {
            Line($"| {target} | {measured} | {(_options.Quick ? "not judged (quick)" : met ? "PASS" : "MISS")} |");
        }

        if (!_options.Quick)
        {
            Line("");
            Line($"Targets met: {rows.Count(r => r.Met)} of {rows.Count}.");
        }
    }

    private void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine("== " + text);
        _markdown.AppendLine().Append("## ").AppendLine(text).AppendLine();
    }

    private void Line(string text)
    {
        Console.WriteLine(text);
        _markdown.AppendLine(text);
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString(ratio < 0.001 ? "F3" : "F2", CultureInfo.InvariantCulture) + " %";

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        _ => $"{bytes / 1024.0:F0} KiB",
    };

    private static string Bytes(double bytes) => Bytes((long)bytes);
}

internal sealed record SizeResult(int N, CorpusResult Lambda, CorpusResult Plain);

internal sealed record CorpusResult(GeneratedCorpus Corpus, List<RunResult> CompilerRuns, List<RunResult> AnalyzerRuns, ActionProfile? Profile)
{
    /// <summary>Our callbacks' time in the instrumented run, without the GC pauses that fell inside them.</summary>
    public double OwnMsWithoutGc => Profile is null ? double.NaN : Profile.Sites.Sum(s => (s.Time - s.GcPause).TotalMilliseconds);

    public double OwnGcPauseMs => Profile is null ? double.NaN : Profile.Sites.Sum(s => s.GcPause.TotalMilliseconds);

    public double RatioWithoutGc => OwnMsWithoutGc / CompilerMs;

    public double CompilerMs => Harness.Median(CompilerRuns.Select(r => r.Wall.TotalMilliseconds));

    public double AnalyzerMs => Harness.Median(AnalyzerRuns.Select(r => r.AnalyzerTotal.TotalMilliseconds));

    public double AnalyzerWallMs => Harness.Median(AnalyzerRuns.Select(r => r.Wall.TotalMilliseconds));

    public double Ratio => AnalyzerMs / CompilerMs;

    public double CompilerBytes => Harness.Median(CompilerRuns.Select(r => (double)r.AllocatedBytes));

    public double AnalyzerBytes => Harness.Median(AnalyzerRuns.Select(r => (double)r.AllocatedBytes));
}

internal sealed record PerRuleResult(int N, Dictionary<string, double> Ours, double ReferenceMedian, string ReferenceDetail);
