using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>
/// Instrumentation for finding where an analyzer spends its time, without touching its code: <see cref="ProfiledAnalyzer"/>
/// wraps an analyzer and every action it registers (at any depth: compilation start, symbol start, ...), and charges the
/// time and the allocations (bytes allocated on the calling thread) of each callback to the registered delegate's
/// "site": the action kind plus the method that implements it, e.g. <c>OperationBlock: HandlerModel.Feed</c>.
/// Used in a separate pass (the wrapper adds a little overhead of its own); the ratios come from Roslyn's telemetry.
/// </summary>
internal sealed class ActionProfile
{
    private readonly Shared _shared;
    private readonly OwnerCounter? _owner;

    public ActionProfile()
        : this(new Shared(), null)
    {
    }

    private ActionProfile(Shared shared, OwnerCounter? owner)
    {
        _shared = shared;
        _owner = owner;
    }

    public int CompilationStarts => _shared.CompilationStarts;

    public int DistinctCompilations => _shared.Compilations.Count;

    /// <summary>
    /// Per analyzer: its callbacks' time and allocations, and the part of them the shared engine took (measured inside the
    /// product by <c>Internals/EngineMeter</c>, which <see cref="Harness.Profile"/> switches on for this pass).
    /// </summary>
    public IEnumerable<(string Analyzer, long Calls, TimeSpan Time, long Bytes, TimeSpan EngineTime, long EngineBytes)> Analyzers =>
        _shared.Owners.Select(pair => (pair.Key, pair.Value.Calls, Stopwatch.GetElapsedTime(0, pair.Value.Ticks), pair.Value.Bytes,
                Stopwatch.GetElapsedTime(0, pair.Value.EngineTicks), pair.Value.EngineBytes))
            .OrderByDescending(x => x.Item3 - x.Item5);

    /// <summary>The same profile, charging the callbacks it wraps to <paramref name="analyzer"/> as well.</summary>
    public ActionProfile ForAnalyzer(string analyzer) => new(_shared, _shared.Owners.GetOrAdd(analyzer, _ => new OwnerCounter()));

    public void SawCompilationStart(Compilation compilation)
    {
        Interlocked.Increment(ref _shared.CompilationStarts);
        _shared.Compilations.TryAdd(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(compilation), 0);
    }

    public IEnumerable<(string Site, long Calls, TimeSpan Time, TimeSpan GcPause, long Bytes)> Sites =>
        _shared.Counters.Select(pair => (pair.Key, pair.Value.Calls, Stopwatch.GetElapsedTime(0, pair.Value.Ticks), TimeSpan.FromTicks(pair.Value.PauseTicks), pair.Value.Bytes))
            .OrderByDescending(x => x.Item3);

    public Action<T> Wrap<T>(string kind, Action<T> action) => Wrap(kind, action.Method, action);

    /// <summary>Wraps <paramref name="action"/>, charging it to the site named after <paramref name="site"/>.</summary>
    public Action<T> Wrap<T>(string kind, System.Reflection.MethodInfo site, Action<T> action)
    {
        var counter = _shared.Counters.GetOrAdd(kind + ": " + Describe(site), _ => new Counter());
        var owner = _owner;
        return argument =>
        {
            var engineTicks = LambdaBestPractices.Analyzers.Internals.EngineMeter.ThreadTicks;
            var engineBytes = LambdaBestPractices.Analyzers.Internals.EngineMeter.ThreadBytes;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var pause = GC.GetTotalPauseDuration();
            var start = Stopwatch.GetTimestamp();
            try
            {
                action(argument);
            }
            finally
            {
                var elapsed = Stopwatch.GetTimestamp() - start;
                var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
                Interlocked.Add(ref counter.Ticks, elapsed);
                Interlocked.Add(ref counter.PauseTicks, (GC.GetTotalPauseDuration() - pause).Ticks);
                Interlocked.Add(ref counter.Bytes, allocated);
                Interlocked.Increment(ref counter.Calls);
                if (owner is not null)
                {
                    Interlocked.Add(ref owner.Ticks, elapsed);
                    Interlocked.Add(ref owner.Bytes, allocated);
                    Interlocked.Add(ref owner.EngineTicks, LambdaBestPractices.Analyzers.Internals.EngineMeter.ThreadTicks - engineTicks);
                    Interlocked.Add(ref owner.EngineBytes, LambdaBestPractices.Analyzers.Internals.EngineMeter.ThreadBytes - engineBytes);
                    Interlocked.Increment(ref owner.Calls);
                }
            }
        };
    }

    /// <summary>"Type.Method" of a delegate's target; lambdas are named after the method that declares them.</summary>
    private static string Describe(System.Reflection.MethodInfo method)
    {
        var type = method.DeclaringType;
        while (type is not null && type.Name.StartsWith('<') && type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var name = method.Name;
        if (name.StartsWith('<') && name.IndexOf('>') is var close and > 1)
        {
            name = name[1..close] + " (lambda)";
        }

        return $"{type?.Name}.{name}";
    }

    private sealed class Counter
    {
        public long Calls;
        public long Ticks;
        public long PauseTicks;
        public long Bytes;
    }

    private sealed class OwnerCounter
    {
        public long Calls;
        public long Ticks;
        public long Bytes;
        public long EngineTicks;
        public long EngineBytes;
    }

    private sealed class Shared
    {
        public readonly ConcurrentDictionary<string, Counter> Counters = new(StringComparer.Ordinal);

        // Identity hashes, not the compilations: holding on to them would keep every per-request compilation alive.
        public readonly ConcurrentDictionary<int, byte> Compilations = new();

        public readonly ConcurrentDictionary<string, OwnerCounter> Owners = new(StringComparer.Ordinal);

        public int CompilationStarts;
    }
}

// A pass-through wrapper, never registered with a host: the analyzer-authoring rules (attribute, concurrency, generated code,
// start actions that register nothing) apply to the analyzer it wraps, which forwards those calls itself.
#pragma warning disable RS1001, RS1012, RS1025, RS1026
internal sealed class ProfiledAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly ActionProfile _profile;

    public ProfiledAnalyzer(DiagnosticAnalyzer inner, ActionProfile profile)
    {
        _inner = inner;
        _profile = profile.ForAnalyzer(inner.GetType().Name);
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, _profile));

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _c;
        private readonly ActionProfile _p;

        public Context(AnalysisContext context, ActionProfile profile)
        {
            _c = context;
            _p = profile;
        }

        public override void EnableConcurrentExecution() => _c.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _c.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _c.RegisterCompilationStartAction(_p.Wrap<CompilationStartAnalysisContext>("CompilationStart", action.Method, ctx =>
            {
                _p.SawCompilationStart(ctx.Compilation);
                action(new StartContext(ctx, _p));
            }));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _c.RegisterCompilationAction(_p.Wrap("Compilation", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _c.RegisterSemanticModelAction(_p.Wrap("SemanticModel", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _c.RegisterSymbolAction(_p.Wrap("Symbol", action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _c.RegisterSymbolStartAction(_p.Wrap<SymbolStartAnalysisContext>("SymbolStart", action.Method, ctx => action(new SymbolContext(ctx, _p))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _c.RegisterCodeBlockStartAction(_p.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _c.RegisterCodeBlockAction(_p.Wrap("CodeBlock", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _c.RegisterSyntaxTreeAction(_p.Wrap("SyntaxTree", action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _c.RegisterAdditionalFileAction(_p.Wrap("AdditionalFile", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _c.RegisterSyntaxNodeAction(_p.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _c.RegisterOperationAction(_p.Wrap($"Operation[{string.Join(",", operationKinds)}]", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _c.RegisterOperationBlockStartAction(_p.Wrap("OperationBlockStart", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _c.RegisterOperationBlockAction(_p.Wrap("OperationBlock", action));
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _c;
        private readonly ActionProfile _p;

        public StartContext(CompilationStartAnalysisContext context, ActionProfile profile)
            : base(context.Compilation, context.Options, context.CancellationToken)
        {
            _c = context;
            _p = profile;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _c.RegisterCompilationEndAction(_p.Wrap("CompilationEnd", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _c.RegisterSemanticModelAction(_p.Wrap("SemanticModel", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _c.RegisterSymbolAction(_p.Wrap("Symbol", action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _c.RegisterSymbolStartAction(_p.Wrap<SymbolStartAnalysisContext>("SymbolStart", action.Method, ctx => action(new SymbolContext(ctx, _p))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _c.RegisterCodeBlockStartAction(_p.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _c.RegisterCodeBlockAction(_p.Wrap("CodeBlock", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _c.RegisterSyntaxTreeAction(_p.Wrap("SyntaxTree", action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _c.RegisterAdditionalFileAction(_p.Wrap("AdditionalFile", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _c.RegisterSyntaxNodeAction(_p.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _c.RegisterOperationAction(_p.Wrap($"Operation[{string.Join(",", operationKinds)}]", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _c.RegisterOperationBlockStartAction(_p.Wrap("OperationBlockStart", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _c.RegisterOperationBlockAction(_p.Wrap("OperationBlock", action));
    }

    private sealed class SymbolContext : SymbolStartAnalysisContext
    {
        private readonly SymbolStartAnalysisContext _c;
        private readonly ActionProfile _p;

        // The only public constructor; the obsolescence only steers hosts to CompilationWithAnalyzers, which is what calls us.
#pragma warning disable CS0618
        public SymbolContext(SymbolStartAnalysisContext context, ActionProfile profile)
            : base(context.Symbol, context.Compilation, context.Options, context.CancellationToken)
#pragma warning restore CS0618
        {
            _c = context;
            _p = profile;
        }

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _c.RegisterSymbolEndAction(_p.Wrap("SymbolEnd", action));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _c.RegisterCodeBlockStartAction(_p.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _c.RegisterCodeBlockAction(_p.Wrap("CodeBlock", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, params ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _c.RegisterSyntaxNodeAction(_p.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _c.RegisterOperationBlockStartAction(_p.Wrap("OperationBlockStart", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _c.RegisterOperationBlockAction(_p.Wrap("OperationBlock", action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, params ImmutableArray<OperationKind> operationKinds) =>
            _c.RegisterOperationAction(_p.Wrap($"Operation[{string.Join(",", operationKinds)}]", action), operationKinds);
    }
}
#pragma warning restore RS1001, RS1012, RS1025, RS1026
