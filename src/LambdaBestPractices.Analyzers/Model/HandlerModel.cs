using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The handler model of one compilation (RULES.md, "The handler model"): entry points, the call graph over source members,
/// and which members run on a handler's invocation path, from which event sources.
/// <para>
/// One instance per compilation (<see cref="LambdaCompilation.Handlers"/>), shared by every analyzer.
/// Each member body is walked once, by whichever analyzer reaches it first; the others reuse the facts.
/// Reachability within one type (for live, per-document squiggles) is computed at that type's symbol end;
/// reachability across types and files is computed once, at the first compilation end.
/// </para>
/// </summary>
internal sealed class HandlerModel
{
    private readonly ConcurrentDictionary<ISymbol, MemberFacts> _members;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeMembers> _membersByType;
    private readonly Lazy<Reachability.CallGraph> _global;
    private readonly ConcurrentDictionary<SyntaxTree, ConfiguredHandlers> _handlersByTree = new();
    private readonly ConcurrentDictionary<string, ConfiguredHandlers> _handlersByValue = new(StringComparer.Ordinal);
    private readonly Lazy<HashSet<ITypeSymbol>> _singletons;

    internal HandlerModel(LambdaSymbols symbols)
    {
        Symbols = symbols;

        // Sized from the code up front (about ten bodies and three types per file), so the tables rarely grow while a build
        // adds every member of the compilation; capped, because an IDE request on a large solution feeds only a few.
        var trees = LambdaCompilation.PresizeFor(symbols.Compilation);
        _members = new(LambdaCompilation.TableConcurrency, 10 * trees, SymbolEqualityComparer.Default);
        _membersByType = new(LambdaCompilation.TableConcurrency, 3 * trees, SymbolEqualityComparer.Default);
        _global = new Lazy<Reachability.CallGraph>(() => Reachability.CallGraph.Build(AllFacts()), LazyThreadSafetyMode.ExecutionAndPublication);
        _singletons = new Lazy<HashSet<ITypeSymbol>>(CollectSingletons, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public LambdaSymbols Symbols { get; }

    /// <summary>Records one member body. Cheap when another analyzer already did.</summary>
    /// <param name="indexSink">The kept bodies of the member's type, if a whole-type rule keeps them: the walk also
    /// records what their value-origin index reads.</param>
    public void Feed(OperationBlockAnalysisContext context, TypeBodySet? indexSink = null)
    {
        using var engine = EngineMeter.Measure(EngineStep.HandlerModelFeed);
        var blocks = context.OperationBlocks;
        var handlers = blocks.IsEmpty ? ConfiguredHandlers.None : HandlersConfiguredFor(context.Options, blocks[0].Syntax.SyntaxTree, context.CancellationToken);
        Feed(context.OwningSymbol, blocks, handlers, indexSink);
    }

    public MemberFacts Feed(ISymbol owningSymbol, ImmutableArray<IOperation> blocks) => Feed(owningSymbol, blocks, ConfiguredHandlers.None, indexSink: null);

    private MemberFacts Feed(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, ConfiguredHandlers configuredHandlers, TypeBodySet? indexSink)
    {
        if (_members.TryGetValue(owningSymbol, out var known))
        {
            return AwaitRegistered(known);
        }

        // Two analyzers may walk the same member at the same moment (rare: the driver runs each analyzer's actions for a
        // member close together); both walks give the same facts, the first one stored wins and only it is registered.
        var facts = MemberWalker.Walk(Symbols, owningSymbol, blocks, configuredHandlers, indexSink);
        var stored = _members.GetOrAdd(owningSymbol, facts);
        if (!ReferenceEquals(stored, facts))
        {
            return AwaitRegistered(stored);
        }

        if (facts.ContainingType is { } type)
        {
            _membersByType.GetOrAdd(type, static _ => new TypeMembers()).Add(facts);
        }

        facts.MarkRegistered();
        return facts;
    }

    /// <summary>
    /// <see cref="OptionKeys.HandlerMethods"/> for one file (its <c>.editorconfig</c> value, else the project's global one),
    /// and the handlers the deployment files name. Read once per syntax tree.
    /// </summary>
    private ConfiguredHandlers HandlersConfiguredFor(AnalyzerOptions options, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_handlersByTree.TryGetValue(tree, out var known))
        {
            return known;
        }

        var provider = options.AnalyzerConfigOptionsProvider;
        var value = provider.GetOptions(tree).TryGetValue(OptionKeys.HandlerMethods, out var fileValue) ? fileValue
            : provider.GlobalOptions.TryGetValue(OptionKeys.HandlerMethods, out var globalValue) ? globalValue
            : null;
        // Built once per deployment model, and once per option value: a file's lookup is a dictionary read.
        var deployed = LambdaCompilation.For(Symbols.Compilation).Deployment(options, cancellationToken);
        var handlers = string.IsNullOrWhiteSpace(value) ? deployed.ConfiguredHandlers
            : _handlersByValue.GetOrAdd(value!, v => ConfiguredHandlers.Parse(v).With(deployed.ConfiguredHandlers));
        return _handlersByTree.GetOrAdd(tree, handlers);
    }

    /// <summary>
    /// Facts stored by another thread become visible a moment before that thread adds them to their type's list; a caller
    /// that goes on to its type's symbol end must not see the type without them.
    /// </summary>
    private static MemberFacts AwaitRegistered(MemberFacts facts)
    {
        if (!facts.IsRegistered)
        {
            SpinWait.SpinUntil(() => facts.IsRegistered);
        }

        return facts;
    }

    /// <summary>
    /// Reachability from the entry points declared in <paramref name="type"/> through calls among its own members.
    /// Valid at the type's symbol end, when every member of the type has been fed.
    /// </summary>
    public Reachability WithinType(INamedTypeSymbol type)
    {
        using var engine = EngineMeter.Measure(EngineStep.ReachabilityPerType);
        return _membersByType.TryGetValue(type, out var members) ? members.Reach() : Reachability.Empty;
    }

    /// <summary>Reachability across the whole compilation. Valid at compilation end.</summary>
    public Reachability Global()
    {
        using var engine = EngineMeter.Measure(EngineStep.ReachabilityGlobal);
        return _global.Value.Reach(null);
    }

    /// <summary>
    /// <see cref="WithinType(INamedTypeSymbol)"/> where <paramref name="isBarrier"/> nodes are never entered (not cached:
    /// for the few rules that need it, LBP202's <c>[Idempotent]</c>).
    /// </summary>
    public Reachability WithinType(INamedTypeSymbol type, Func<FunctionKey, bool> isBarrier)
    {
        using var engine = EngineMeter.Measure(EngineStep.ReachabilityPerType);
        return _membersByType.TryGetValue(type, out var members) ? members.Reach(isBarrier) : Reachability.Empty;
    }

    /// <summary>
    /// <see cref="Global()"/> where <paramref name="isBarrier"/> nodes are never entered (the graph is shared with
    /// <see cref="Global()"/>; the traversal is not cached). Valid at compilation end.
    /// </summary>
    public Reachability Global(Func<FunctionKey, bool> isBarrier)
    {
        using var engine = EngineMeter.Measure(EngineStep.ReachabilityGlobal);
        return _global.Value.Reach(isBarrier);
    }

    /// <summary>
    /// Whether the compilation registers <paramref name="type"/> as a DI singleton (<c>AddSingleton</c> and its forms): one
    /// instance then serves every invocation of the execution environment. Valid at compilation end.
    /// </summary>
    public bool IsSingleton(ITypeSymbol type) => _singletons.Value.Contains(type.OriginalDefinition);

    /// <summary>Every type the compilation registers as a DI singleton (original definitions). Valid at compilation end.</summary>
    public IReadOnlyCollection<ITypeSymbol> Singletons => _singletons.Value;

    private HashSet<ITypeSymbol> CollectSingletons()
    {
        var singletons = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var facts in AllFacts())
        {
            singletons.UnionWith(facts.Singletons);
        }

        return singletons;
    }

    private IEnumerable<MemberFacts> AllFacts()
    {
        foreach (var pair in _members)
        {
            yield return pair.Value;
        }
    }

    /// <summary>The facts of one type's members, and their call graph once asked for (rebuilt if members arrive later).</summary>
    private sealed class TypeMembers
    {
        private readonly List<MemberFacts> _facts = new();
        private Reachability.CallGraph? _graph;
        private int _graphCount;

        public void Add(MemberFacts facts)
        {
            lock (_facts)
            {
                _facts.Add(facts);
            }
        }

        public Reachability Reach(Func<FunctionKey, bool>? isBarrier = null)
        {
            lock (_facts)
            {
                if (_graph is null || _graphCount != _facts.Count)
                {
                    _graph = Reachability.CallGraph.Build(_facts);
                    _graphCount = _facts.Count;
                }

                return _graph.Reach(isBarrier);
            }
        }
    }
}
