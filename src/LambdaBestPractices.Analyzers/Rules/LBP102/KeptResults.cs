using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP102's record, for one compilation, of what callers do with the results of source methods that may return a fetched
/// value: the methods some caller keeps the result of, and the methods that return another method's result (so a helper
/// two calls down is kept when the outer helper's result is). Filled by every type's calls; read at compilation end.
/// </summary>
internal sealed class KeptResults
{
    private readonly ConcurrentDictionary<IMethodSymbol, byte> _kept = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>> _returnedBy = new(SymbolEqualityComparer.Default);

    /// <summary>A call of <paramref name="callee"/> whose result its caller keeps.</summary>
    public void AddKept(IMethodSymbol callee) => _kept.TryAdd(callee.OriginalDefinition, 0);

    /// <summary>A call of <paramref name="callee"/> whose result <paramref name="caller"/> returns.</summary>
    public void AddReturned(IMethodSymbol callee, IMethodSymbol caller) =>
        _returnedBy.GetOrAdd(callee.OriginalDefinition, static _ => new ConcurrentQueue<IMethodSymbol>()).Enqueue(caller.OriginalDefinition);

    /// <summary>
    /// Whether some caller keeps the result of <paramref name="helper"/>: called directly, through an interface member it
    /// implements or a member it overrides, or through methods that return its result.
    /// </summary>
    public bool IsKept(IMethodSymbol helper)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>();
        pending.Push(helper.OriginalDefinition);
        while (pending.Count > 0)
        {
            var method = pending.Pop();
            if (!visited.Add(method))
            {
                continue;
            }

            foreach (var name in NamesOf(method))
            {
                if (_kept.ContainsKey(name))
                {
                    return true;
                }

                if (_returnedBy.TryGetValue(name, out var callers))
                {
                    foreach (var caller in callers)
                    {
                        pending.Push(caller);
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The method, the members it overrides, and the interface members it implements: what a call may name.</summary>
    private static IEnumerable<IMethodSymbol> NamesOf(IMethodSymbol method)
    {
        yield return method;
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }

        if (method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                {
                    yield return interfaceMethod.OriginalDefinition;
                }
            }
        }
    }
}
