using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The member bodies of the types that rules decide at their symbol end over the whole type (LBP201, LBP202), collected
/// once per type for all of them, and the type's <see cref="ValueOrigins"/>, indexed once from them. One table per
/// compilation (<see cref="LambdaCompilation.Bodies"/>); a type's entry lives from the first rule's symbol start to the
/// last rule's symbol end, so no operation tree is kept after the rules that asked for it are done.
/// </summary>
internal sealed class TypeBodies
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeBodySet> _types = new(SymbolEqualityComparer.Default);

    /// <summary>The type's set, for one more rule; that rule calls <see cref="Release"/> at its symbol end.</summary>
    public TypeBodySet Acquire(INamedTypeSymbol type)
    {
        while (true)
        {
            var set = _types.GetOrAdd(type, static t => new TypeBodySet(t));
            if (set.TryAcquire())
            {
                return set;
            }

            // Released by its last rule a moment ago: that entry is going away, take a fresh one.
            RemoveIfSame(type, set);
        }
    }

    /// <summary>The type's set if a rule has acquired one (the host hands it to the handler model's walk), else null.</summary>
    public TypeBodySet? Existing(INamedTypeSymbol type) => _types.TryGetValue(type, out var set) ? set : null;

    // Removes the entry only if it is still this set (netstandard2.0's conditional remove).
    private void RemoveIfSame(INamedTypeSymbol type, TypeBodySet set) =>
        ((ICollection<KeyValuePair<INamedTypeSymbol, TypeBodySet>>)_types).Remove(new KeyValuePair<INamedTypeSymbol, TypeBodySet>(type, set));

    /// <summary>One rule is done with the type; the last one drops the entry (and the operation trees it holds).</summary>
    public void Release(TypeBodySet set)
    {
        if (set.Release())
        {
            set.Clear();
            RemoveIfSame(set.Type, set);
        }
    }
}

/// <summary>
/// One type's member bodies (each member once, whichever rule's operation-block action saw it first) and its
/// <see cref="ValueOrigins"/>. Not thread-safe for questions: rules ask under <c>lock (set)</c>.
/// </summary>
internal sealed class TypeBodySet
{
    // Written by the rules' operation-block actions (concurrently), read at a symbol end; a plain table under a lock costs a
    // fraction of a concurrent one's allocation, and one type's members rarely arrive at the same moment.
    private readonly Dictionary<ISymbol, ImmutableArray<IOperation>> _bodies = new(SymbolEqualityComparer.Default);

    // What the handler model's walk recorded for the value-origin index, by the driver's block (MemberWalker); a body whose
    // blocks are not all here is indexed by ValueOrigins itself.
    private readonly Dictionary<IOperation, IOperation[]> _indexed = new();
    private int _users;
    private IOperation[]? _ordered;
    private ValueOrigins? _origins;

    public TypeBodySet(INamedTypeSymbol type) => Type = type;

    public INamedTypeSymbol Type { get; }

    /// <summary>
    /// Joins the set unless its last rule closed it. A rule may join after another rule's actions already added bodies: the
    /// driver runs each analyzer's symbol start when it first meets the type's members, so that is the usual order. Bodies
    /// are kept per member symbol and every question keys on symbols or computes per operation root, so a set fed by two
    /// analyses of one compilation still answers alike.
    /// </summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var users = Volatile.Read(ref _users);
            if (users < 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _users, users + 1, users) == users)
            {
                return true;
            }
        }
    }

    /// <summary>True for the last user (the set is then closed: a late <see cref="TryAcquire"/> fails).</summary>
    internal bool Release() => Interlocked.Decrement(ref _users) == 0 && Interlocked.CompareExchange(ref _users, -1, 0) == 0;

    /// <summary>
    /// Drops the operation trees once the last rule is done: the driver keeps the actions registered at a type's start (and
    /// what they captured, this set among it) for the whole analysis, so the set must not hold on to them.
    /// </summary>
    internal void Clear()
    {
        lock (_bodies)
        {
            _bodies.Clear();
            _ordered = null;
            _origins = null;
        }

        lock (_indexed)
        {
            _indexed.Clear();
        }
    }

    private bool IsClosed => Volatile.Read(ref _users) < 0;

    /// <summary>Records one member's blocks (a second rule's call for the same member is ignored).</summary>
    public void Add(ISymbol owner, ImmutableArray<IOperation> blocks)
    {
        lock (_bodies)
        {
            if (!IsClosed && !_bodies.ContainsKey(owner))
            {
                _bodies.Add(owner, blocks);
            }
        }
    }

    /// <summary>Records what the value-origin index reads of one of the driver's blocks, in walk order.</summary>
    public void AddIndex(IOperation block, IOperation[] operations)
    {
        lock (_indexed)
        {
            if (!IsClosed)
            {
                _indexed[block] = operations;
            }
        }
    }

    internal IOperation[]? Indexed(IOperation block)
    {
        lock (_indexed)
        {
            return _indexed.TryGetValue(block, out var operations) ? operations : null;
        }
    }

    /// <summary>
    /// Every block of the type's members in source order (file path, then position), whatever order the driver ran them
    /// in. Complete at the symbol end of any rule that fed the set: each rule's actions see every member of the type.
    /// </summary>
    public IReadOnlyList<IOperation> Bodies => _ordered ??= Ordered();

    private IOperation[] Ordered()
    {
        using var engine = EngineMeter.Measure(EngineStep.ValueOrigins);
        lock (_bodies)
        {
            return _bodies.Values
                .SelectMany(blocks => blocks)
                .OrderBy(b => b.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                .ThenBy(b => b.Syntax.SpanStart)
                .ToArray();
        }
    }

    /// <summary>The type's value origins, indexed once for every rule; <paramref name="cancellationToken"/> is the asking rule's.</summary>
    public ValueOrigins Origins(LambdaSymbols symbols, CancellationToken cancellationToken)
    {
        var origins = _origins ??= new ValueOrigins(symbols, Type, Bodies, cancellationToken, Indexed);
        origins.CancellationToken = cancellationToken;
        return origins;
    }
}
