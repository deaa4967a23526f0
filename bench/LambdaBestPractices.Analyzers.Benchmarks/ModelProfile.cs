using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>
/// A finer decomposition of the shared handler model (src/LambdaBestPractices.Analyzers/Model) than the per-callback
/// instrumentation can give, without touching the analyzer: the operation blocks the analyzer driver hands out are captured
/// once, then the model's internal entry points are driven directly (through reflection) and timed step by step:
/// <list type="number">
/// <item>the floor: a bare walk over the same IOperation trees (ChildOperations, nothing else);</item>
/// <item><c>MemberWalker.Walk</c> with no body (the per-member part: entry-point and dispatch edges);</item>
/// <item><c>MemberWalker.Walk</c> with the bodies (what <c>HandlerModel.Feed</c> does for each member);</item>
/// <item><c>HandlerModel.Feed</c> (the walk plus the model's concurrent bookkeeping);</item>
/// <item><c>Reachability.Compute</c> per type (what each type's symbol end runs) and over everything (compilation end);</item>
/// </list>
/// and the size of the call graph it builds (edges by kind of target).
/// Each step runs several times; the table gives the median, with GC pauses subtracted.
/// </summary>
internal static class ModelProfile
{
    public static async Task<List<string>> RunAsync(CSharpCompilation compilation, int repeats)
    {
        var lines = new List<string>();
        var model = new Model();

        // 1. Capture what the driver hands our operation-block action (same generated-code setting as our analyzers).
        var capture = new CaptureAnalyzer();
        var clone = compilation.Clone();
        var withCapture = clone.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(capture), Harness.Options(new Failures()));
        _ = await withCapture.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var blocks = capture.Blocks.ToArray();
        var analyzed = capture.Compilation!;
        var symbols = model.LambdaSymbolsFor(analyzed);

        var operations = 0L;
        foreach (var (_, block) in blocks)
        {
            foreach (var root in block)
            {
                operations += Count(root);
            }
        }

        Harness.Collect();

        // 2. The steps.
        object[] facts = Array.Empty<object>();
        var steps = new List<(string Step, double Ms, double Pause)>
        {
            Time("bare IOperation walk over the same blocks (floor; no model work)", () =>
            {
                var n = 0L;
                foreach (var (_, block) in blocks)
                {
                    foreach (var root in block)
                    {
                        n += Count(root);
                    }
                }

                GC.KeepAlive(n);
            }),
            Time("MemberWalker.Walk, member part only (entry points, dispatch edges; empty body)", () =>
            {
                foreach (var (symbol, _) in blocks)
                {
                    model.Walk(symbols, symbol, ImmutableArray<IOperation>.Empty);
                }
            }),
            Time("MemberWalker.Walk, whole member (what Feed runs per member)", () =>
            {
                var result = new object[blocks.Length];
                for (var i = 0; i < blocks.Length; i++)
                {
                    result[i] = model.Walk(symbols, blocks[i].Symbol, blocks[i].Blocks);
                }

                facts = result;
            }),
            Time("HandlerModel.Feed (walk + ConcurrentDictionary/Lazy/queue bookkeeping)", () =>
            {
                var handlerModel = model.NewHandlerModel(symbols);
                foreach (var (symbol, block) in blocks)
                {
                    model.Feed(handlerModel, symbol, block);
                }
            }),
        };

        var byType = facts.GroupBy(f => model.ContainingType(f), SymbolEqualityComparer.Default).Select(g => g.ToArray()).ToArray();
        steps.Add(Time($"Reachability.Compute per type, summed ({byType.Length:N0} types; the symbol-end actions)", () =>
        {
            foreach (var group in byType)
            {
                model.Compute(group);
            }
        }));
        var reachedCount = 0;
        steps.Add(Time("Reachability.Compute over all members (the compilation-end action)", () => reachedCount = model.Compute(facts)));

        lines.Add($"Captured {blocks.Length:N0} member bodies ({operations:N0} IOperation nodes) from one analyzer-driver run; each step below ran {repeats} times (median, GC pauses subtracted).");
        lines.Add("");
        lines.Add("| step | time (ms) | GC pauses excluded (ms) |");
        lines.Add("| --- | ---: | ---: |");
        foreach (var (step, ms, pause) in steps)
        {
            lines.Add($"| {step} | {ms:F1} | {pause:F1} |");
        }

        // 3. The call graph.
        var edges = 0L;
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var targets = new HashSet<object>();
        var sources = new HashSet<object>();
        foreach (var fact in facts)
        {
            foreach (var (from, to) in model.Edges(fact))
            {
                edges++;
                sources.Add(from.Key);
                targets.Add(to.Key);
                var kind = to.Value switch
                {
                    ISymbol s when SymbolEqualityComparer.Default.Equals(s.ContainingAssembly, analyzed.Assembly) => "a source member",
                    ISymbol => "a metadata member (virtual, abstract or interface: the SDK, the BCL)",
                    SyntaxNode => "a lambda or anonymous method",
                    _ => "a type's instance initializers",
                };
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            }
        }

        var deadEnds = targets.Count(t => !sources.Contains(t));
        lines.Add("");
        lines.Add($"Call graph: {edges:N0} edges over {targets.Union(sources).Count():N0} nodes; {reachedCount:N0} nodes reached from the handlers; " +
                  $"{deadEnds:N0} targets have no outgoing edge (leaves).");
        foreach (var (kind, count) in byKind.OrderByDescending(p => p.Value))
        {
            lines.Add($"- edges to {kind}: {count:N0} ({count * 100.0 / Math.Max(1, edges):F1} %)");
        }

        return lines;

        (string, double, double) Time(string step, Action action)
        {
            var times = new List<double>();
            var pauses = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                Harness.Collect();
                var pause = GC.GetTotalPauseDuration();
                var stopwatch = Stopwatch.StartNew();
                action();
                stopwatch.Stop();
                var paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
                times.Add(stopwatch.Elapsed.TotalMilliseconds - paused);
                pauses.Add(paused);
            }

            return (step, Harness.Median(times), Harness.Median(pauses));
        }
    }

    private static long Count(IOperation operation)
    {
        var n = 1L;
        foreach (var child in operation.ChildOperations)
        {
            n += Count(child);
        }

        return n;
    }

    // Registers like PathRuleAnalyzer does for LBP101: an operation-block and an object-creation action inside a named-type symbol start.
#pragma warning disable RS1001, RS1025, RS1026 // a private capture hook, never shipped or registered with a host
    private sealed class CaptureAnalyzer : DiagnosticAnalyzer
    {
        public ConcurrentQueue<(ISymbol Symbol, ImmutableArray<IOperation> Blocks)> Blocks { get; } = new();

        public Compilation? Compilation { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("BENCH001", "capture", "capture", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                Compilation = start.Compilation;
                start.RegisterSymbolStartAction(
                    type =>
                    {
                        type.RegisterOperationBlockAction(block => Blocks.Enqueue((block.OwningSymbol, block.OperationBlocks)));
                        type.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation);
                    },
                    SymbolKind.NamedType);
            });
        }
    }
#pragma warning restore RS1001, RS1025, RS1026

    /// <summary>Compiled accessors for the analyzer's internal model types.</summary>
    private sealed class Model
    {
        private readonly Func<Compilation, object> _lambdaSymbolsFor;
        private readonly Func<object, ISymbol, ImmutableArray<IOperation>, object> _walk;
        private readonly Func<object, object> _newHandlerModel;
        private readonly Action<object, ISymbol, ImmutableArray<IOperation>> _feed;
        private readonly Func<object[], int> _compute;
        private readonly Func<object, INamedTypeSymbol?> _containingType;
        private readonly Func<object, IEnumerable> _edges;
        private readonly Func<object, (object From, object To)> _edgeKeys;

        public Model()
        {
            var assembly = Assembly.Load("LambdaBestPractices.Analyzers");
            var lambdaSymbols = assembly.GetType("LambdaBestPractices.Analyzers.Model.LambdaSymbols", throwOnError: true)!;
            var walker = assembly.GetType("LambdaBestPractices.Analyzers.Model.MemberWalker", throwOnError: true)!;
            var handlerModel = assembly.GetType("LambdaBestPractices.Analyzers.Model.HandlerModel", throwOnError: true)!;
            var reachability = assembly.GetType("LambdaBestPractices.Analyzers.Model.Reachability", throwOnError: true)!;
            var memberFacts = assembly.GetType("LambdaBestPractices.Analyzers.Model.MemberFacts", throwOnError: true)!;
            var functionKey = assembly.GetType("LambdaBestPractices.Analyzers.Model.FunctionKey", throwOnError: true)!;
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

            var compilation = Expression.Parameter(typeof(Compilation));
            _lambdaSymbolsFor = Expression.Lambda<Func<Compilation, object>>(
                Expression.Call(lambdaSymbols.GetMethod("For", All)!, compilation), compilation).Compile();

            var symbols = Expression.Parameter(typeof(object));
            var symbol = Expression.Parameter(typeof(ISymbol));
            var blocks = Expression.Parameter(typeof(ImmutableArray<IOperation>));
            _walk = Expression.Lambda<Func<object, ISymbol, ImmutableArray<IOperation>, object>>(
                Expression.Call(walker.GetMethods(All).Single(m => m.Name == "Walk" && m.GetParameters().Length == 3), Expression.Convert(symbols, lambdaSymbols), symbol, blocks), symbols, symbol, blocks).Compile();

            var constructor = handlerModel.GetConstructors(All).Single(c => c.GetParameters().Length == 1 && c.GetParameters()[0].ParameterType == lambdaSymbols);
            _newHandlerModel = Expression.Lambda<Func<object, object>>(Expression.New(constructor, Expression.Convert(symbols, lambdaSymbols)), symbols).Compile();

            var target = Expression.Parameter(typeof(object));
            var feed = handlerModel.GetMethods(All).Single(m => m.Name == "Feed" && m.GetParameters().Length == 2 && m.GetParameters()[0].ParameterType == typeof(ISymbol));
            _feed = Expression.Lambda<Action<object, ISymbol, ImmutableArray<IOperation>>>(
                Expression.Call(Expression.Convert(target, handlerModel), feed, symbol, blocks), target, symbol, blocks).Compile();

            var items = Expression.Parameter(typeof(object[]));
            var typed = Expression.Call(typeof(Enumerable).GetMethod(nameof(Enumerable.Cast))!.MakeGenericMethod(memberFacts), items);
            _compute = Expression.Lambda<Func<object[], int>>(
                Expression.Property(Expression.Call(reachability.GetMethods(All).Single(m => m.Name == "Compute" && m.GetParameters().Length == 1), typed), "Count"), items).Compile();

            var fact = Expression.Parameter(typeof(object));
            _containingType = Expression.Lambda<Func<object, INamedTypeSymbol?>>(
                Expression.Property(Expression.Convert(fact, memberFacts), "ContainingType"), fact).Compile();
            _edges = Expression.Lambda<Func<object, IEnumerable>>(
                Expression.Convert(Expression.Property(Expression.Convert(fact, memberFacts), "Edges"), typeof(IEnumerable)), fact).Compile();

            var tupleType = typeof(ValueTuple<,>).MakeGenericType(functionKey, functionKey);
            var value = functionKey.GetField("_value", All)!;
            var edge = Expression.Parameter(typeof(object));
            var unboxed = Expression.Convert(edge, tupleType);
            _edgeKeys = Expression.Lambda<Func<object, (object, object)>>(
                Expression.New(
                    typeof(ValueTuple<object, object>).GetConstructor(new[] { typeof(object), typeof(object) })!,
                    Expression.Field(Expression.Field(unboxed, "Item1"), value),
                    Expression.Field(Expression.Field(unboxed, "Item2"), value)),
                edge).Compile();
        }

        public object LambdaSymbolsFor(Compilation compilation) => _lambdaSymbolsFor(compilation);

        public object Walk(object symbols, ISymbol symbol, ImmutableArray<IOperation> blocks) => _walk(symbols, symbol, blocks);

        public object NewHandlerModel(object symbols) => _newHandlerModel(symbols);

        public void Feed(object handlerModel, ISymbol symbol, ImmutableArray<IOperation> blocks) => _feed(handlerModel, symbol, blocks);

        public int Compute(object[] facts) => _compute(facts);

        public INamedTypeSymbol? ContainingType(object facts) => _containingType(facts);

        /// <summary>Each edge as (key, value) pairs: the key compares like FunctionKey (symbols by SymbolEqualityComparer).</summary>
        public IEnumerable<(KeyValuePair<object, object?> From, KeyValuePair<object, object?> To)> Edges(object facts)
        {
            foreach (var edge in _edges(facts))
            {
                var (from, to) = _edgeKeys(edge);
                yield return (new(Key(from), from), new(Key(to), to));
            }
        }

        private static object Key(object value) => value is ISymbol symbol ? new SymbolKey(symbol) : value;

        private sealed class SymbolKey : IEquatable<SymbolKey>
        {
            private readonly ISymbol _symbol;

            public SymbolKey(ISymbol symbol) => _symbol = symbol;

            public bool Equals(SymbolKey? other) => other is not null && SymbolEqualityComparer.Default.Equals(_symbol, other._symbol);

            public override bool Equals(object? obj) => Equals(obj as SymbolKey);

            public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(_symbol);
        }
    }
}
