using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A handler entry point found in source, with the event source its parameters name.</summary>
internal readonly struct EntryPoint
{
    public EntryPoint(FunctionKey key, EventSources sources)
    {
        Key = key;
        Sources = sources;
    }

    public FunctionKey Key { get; }

    public EventSources Sources { get; }
}

/// <summary>
/// What one member body (method, accessor, constructor, initializer) contributes to the handler model:
/// its call edges, the entry points it declares, and the member's type. Computed once per member per compilation,
/// whichever analyzer gets there first.
/// </summary>
internal sealed class MemberFacts
{
    private bool _registered;

    public MemberFacts(INamedTypeSymbol? containingType, (FunctionKey From, FunctionKey To)[] edges, EntryPoint[] entries, ITypeSymbol[]? singletons = null)
    {
        ContainingType = containingType;
        Edges = edges;
        Entries = entries;
        Singletons = singletons ?? System.Array.Empty<ITypeSymbol>();
    }

    public INamedTypeSymbol? ContainingType { get; }

    // Arrays, not lists behind an interface: reachability reads every edge of the compilation.
    public (FunctionKey From, FunctionKey To)[] Edges { get; }

    public EntryPoint[] Entries { get; }

    /// <summary>The types the body registers as DI singletons (original definitions).</summary>
    public ITypeSymbol[] Singletons { get; }

    /// <summary>True once the model has added these facts to their type's list (<see cref="HandlerModel.Feed(ISymbol, System.Collections.Immutable.ImmutableArray{IOperation})"/>).</summary>
    public bool IsRegistered => Volatile.Read(ref _registered);

    public void MarkRegistered() => Volatile.Write(ref _registered, true);
}
