using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A value one call passes to a parameter of a method declared in source: where it comes from, and which function passes it.</summary>
internal readonly struct PassedValue
{
    public PassedValue(int ordinal, ValueOrigin origin, FunctionKey caller)
    {
        Ordinal = ordinal;
        Origin = origin;
        Caller = caller;
    }

    public int Ordinal { get; }

    public ValueOrigin Origin { get; }

    public FunctionKey Caller { get; }
}

/// <summary>
/// The values that flow into methods other types call (a public service method, an interface implemented in source), per
/// compilation: each type's end records what its calls pass (<see cref="Add"/>); a question about a parameter
/// (<see cref="OriginKind.CallerArgument"/>) is answered at compilation end, when every type has recorded its calls
/// (<see cref="To"/>). A call through an interface or a base method counts for every implementation and override.
/// </summary>
internal sealed class CrossTypeArguments
{
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<PassedValue>> _byMethod = new(SymbolEqualityComparer.Default);

    /// <summary>Records that a call of <paramref name="target"/> passes <paramref name="origin"/> to parameter <paramref name="ordinal"/>.</summary>
    public void Add(IMethodSymbol target, int ordinal, ValueOrigin origin, FunctionKey caller) =>
        _byMethod.GetOrAdd(target.OriginalDefinition, _ => new ConcurrentQueue<PassedValue>()).Enqueue(new PassedValue(ordinal, origin, caller));

    /// <summary>What the recorded calls pass to <paramref name="parameter"/>: calls of its method, of the interface members it implements and of the methods it overrides.</summary>
    public IEnumerable<PassedValue> To(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            yield break;
        }

        foreach (var callee in CalledAs(method.OriginalDefinition))
        {
            if (_byMethod.TryGetValue(callee, out var passed))
            {
                foreach (var value in passed)
                {
                    if (value.Ordinal == parameter.Ordinal)
                    {
                        yield return value;
                    }
                }
            }
        }
    }

    /// <summary>The method, the methods it overrides and the interface members it implements: what a call that runs it may name.</summary>
    private static IEnumerable<IMethodSymbol> CalledAs(IMethodSymbol method)
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

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                {
                    yield return interfaceMethod.OriginalDefinition;
                }
            }
        }
    }
}
