using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>
/// Measures the shared engine's own cost, apart from the rules that call it, for <c>bench/</c> (docs/performance.md):
/// the symbol table, the text prefilter's scans, the handler model's walks and reachability, and the type bodies and their
/// value-origin index. Off in every real build, where a scope costs one static read. The benchmark switches it on for its
/// instrumented pass and reads, around each of a rule's callbacks, how much of the callback's time and allocation the
/// engine took on that thread.
/// </summary>
internal static class EngineMeter
{
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static long t_ticks;

    [ThreadStatic]
    private static long t_bytes;

    /// <summary>Set by the benchmark only.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Bytes allocated so far on the current thread (netstandard2.0 cannot ask; the benchmark supplies it).</summary>
    public static Func<long>? AllocatedBytes { get; set; }

    /// <summary>Stopwatch ticks the engine has spent on the current thread since it started.</summary>
    public static long ThreadTicks => t_ticks;

    /// <summary>Bytes the engine has allocated on the current thread since it started.</summary>
    public static long ThreadBytes => t_bytes;

    /// <summary>Per rule (its ID): its own callbacks' calls, time and allocations, the engine steps inside them excluded.</summary>
    public static ConcurrentDictionary<string, RuleCost> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>The cost record of the rule <paramref name="id"/>, the same one for every instance of the rule.</summary>
    public static RuleCost CostOf(string id) => Rules.GetOrAdd(id, static _ => new RuleCost());

    /// <summary>Zeroes every rule's record (between the benchmark's metered runs).</summary>
    public static void ResetRules()
    {
        foreach (var cost in Rules.Values)
        {
            Interlocked.Exchange(ref cost.Calls, 0);
            Interlocked.Exchange(ref cost.Ticks, 0);
            Interlocked.Exchange(ref cost.Bytes, 0);
            for (var phase = 0; phase < cost.TicksByPhase.Length; phase++)
            {
                Interlocked.Exchange(ref cost.TicksByPhase[phase], 0);
                Interlocked.Exchange(ref cost.BytesByPhase[phase], 0);
            }
        }

        for (var step = 0; step < s_stepTicks.Length; step++)
        {
            Interlocked.Exchange(ref s_stepTicks[step], 0);
            Interlocked.Exchange(ref s_stepCalls[step], 0);
        }
    }

    /// <summary>
    /// Runs one rule callback and charges it to <paramref name="cost"/> (called by the rule host only while the meter is on):
    /// what the engine did inside the callback stays the engine's.
    /// </summary>
    public static void Charge<T, TState>(RuleCost cost, Action<T, TState> action, T argument, TState state)
    {
        var engineTicks = t_ticks;
        var engineBytes = t_bytes;
        var bytes = AllocatedBytes?.Invoke() ?? 0;
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(argument, state);
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            var allocated = (AllocatedBytes?.Invoke() ?? 0) - bytes;
            var own = elapsed - (t_ticks - engineTicks);
            Interlocked.Increment(ref cost.Calls);
            Interlocked.Add(ref cost.Ticks, own);
            var ownBytes = allocated - (t_bytes - engineBytes);
            Interlocked.Add(ref cost.Bytes, ownBytes);
            Interlocked.Add(ref cost.TicksByPhase[(int)PhaseOf<T>.Value], own);
            Interlocked.Add(ref cost.BytesByPhase[(int)PhaseOf<T>.Value], ownBytes);
        }
    }

    /// <summary>
    /// Starts measuring one engine step (<c>using var _ = EngineMeter.Measure(EngineStep.X);</c>); nested steps count once,
    /// to the outermost one.
    /// </summary>
    public static Scope Measure(EngineStep step) => Enabled ? Scope.Start(step) : default;

    private static readonly long[] s_stepTicks = new long[(int)EngineStep.Count];
    private static readonly long[] s_stepCalls = new long[(int)EngineStep.Count];

    /// <summary>Per engine step: how often it ran as an outermost step, and its time (Stopwatch ticks), since <see cref="ResetRules"/>.</summary>
    public static (long Calls, long Ticks) StepCost(EngineStep step) =>
        (Interlocked.Read(ref s_stepCalls[(int)step]), Interlocked.Read(ref s_stepTicks[(int)step]));

    public readonly struct Scope : IDisposable
    {
        private readonly long _start;
        private readonly long _bytes;
        private readonly bool _outermost;
        private readonly EngineStep _step;

        private Scope(long start, long bytes, bool outermost, EngineStep step)
        {
            _start = start;
            _bytes = bytes;
            _outermost = outermost;
            _step = step;
        }

        internal static Scope Start(EngineStep step)
        {
            var outermost = t_depth++ == 0;
            return new Scope(Stopwatch.GetTimestamp(), outermost ? AllocatedBytes?.Invoke() ?? 0 : 0, outermost, step);
        }

        public void Dispose()
        {
            if (_start == 0)
            {
                return;
            }

            t_depth--;
            if (_outermost)
            {
                var elapsed = Stopwatch.GetTimestamp() - _start;
                t_ticks += elapsed;
                t_bytes += (AllocatedBytes?.Invoke() ?? 0) - _bytes;
                Interlocked.Add(ref s_stepTicks[(int)_step], elapsed);
                Interlocked.Increment(ref s_stepCalls[(int)_step]);
            }
        }
    }

    /// <summary>One rule's own cost (<see cref="Charge"/>): Stopwatch ticks and bytes, the engine's part excluded.</summary>
    public sealed class RuleCost
    {
        public long Calls;
        public long Ticks;
        public long Bytes;

        /// <summary>Own ticks by the kind of callback (<see cref="RulePhase"/>).</summary>
        public readonly long[] TicksByPhase = new long[(int)RulePhase.Count];

        /// <summary>Own bytes allocated by the kind of callback.</summary>
        public readonly long[] BytesByPhase = new long[(int)RulePhase.Count];
    }

    /// <summary>The kind of callback a rule's cost was charged in, from the callback's argument type.</summary>
    private static class PhaseOf<T>
    {
        public static readonly RulePhase Value =
            typeof(T) == typeof(Model.RuleStart) ? RulePhase.CompilationStart
            : typeof(T) == typeof(Model.TypeStart) ? RulePhase.TypeStart
            : typeof(T) == typeof(Microsoft.CodeAnalysis.Diagnostics.OperationAnalysisContext) ? RulePhase.Operation
            : typeof(T) == typeof(Microsoft.CodeAnalysis.Diagnostics.OperationBlockAnalysisContext) ? RulePhase.OperationBlock
            : typeof(T) == typeof(Microsoft.CodeAnalysis.Diagnostics.SymbolAnalysisContext) ? RulePhase.TypeEnd
            : RulePhase.CompilationEnd;
    }
}

/// <summary>The shared engine's steps, as <see cref="EngineMeter"/> reports them apart.</summary>
internal enum EngineStep
{
    /// <summary>Creating the compilation's context (<c>LambdaCompilation.For</c>).</summary>
    Context,

    /// <summary>Resolving a symbol-table entry (<c>GetTypesByMetadataName</c>).</summary>
    Symbols,

    /// <summary>The text prefilter's scan of one file.</summary>
    Prefilter,

    /// <summary>The handler model's walk of one member body (<c>MemberWalker</c>) and its bookkeeping.</summary>
    HandlerModelFeed,

    /// <summary>Reachability within one type, at its symbol end.</summary>
    ReachabilityPerType,

    /// <summary>Reachability across the compilation, at compilation end.</summary>
    ReachabilityGlobal,

    /// <summary>One body's facts (<c>BodyFacts</c>): its one walk for every rule's questions.</summary>
    BodyFacts,

    /// <summary>A type's value-origin index (<c>ValueOrigins</c>) and its bodies in source order (<c>TypeBodies</c>).</summary>
    ValueOrigins,

    /// <summary>Reading the deployment files (<c>DeploymentModel</c>): finding, parsing and joining them, once per options.</summary>
    Deployment,

    /// <summary>How many steps there are (not a step).</summary>
    Count,
}

/// <summary>The kinds of a rule's callbacks, as <see cref="EngineMeter"/> reports a rule's own time apart.</summary>
internal enum RulePhase
{
    CompilationStart,
    TypeStart,
    Operation,
    OperationBlock,
    TypeEnd,
    CompilationEnd,

    /// <summary>How many phases there are (not a phase).</summary>
    Count,
}
