using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A value one call passes to a parameter of a method declared in source: where it comes from, and which function passes it.</summary>
internal readonly struct PassedValue
{
    public PassedValue(IMethodSymbol target, int ordinal, ValueOrigin origin, FunctionKey caller)
    {
        Target = target;
        Ordinal = ordinal;
        Origin = origin;
        Caller = caller;
    }

    /// <summary>The method the call names, as constructed there (<c>IRepo&lt;Order&gt;.SaveAsync</c>).</summary>
    public IMethodSymbol Target { get; }

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
    private readonly CallerValues<PassedValue> _values = new();

    /// <summary>A call with arguments to a method other code can call, declared in source: what it passes may be decided there.</summary>
    public static bool PassesToSource(IInvocationOperation invocation) =>
        invocation.TargetMethod is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: not Accessibility.Private, Parameters.Length: > 0 } method
        && !method.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// A call <see cref="PassesToSource(IInvocationOperation)"/> that hands at least one argument <paramref name="follows"/>
    /// accepts: the calls a rule that records what callers pass needs to keep at all.
    /// </summary>
    public static bool PassesToSource(IInvocationOperation invocation, Func<IArgumentOperation, bool> follows)
    {
        if (!PassesToSource(invocation))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (follows(argument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that a call of <paramref name="target"/> passes <paramref name="origin"/> to parameter <paramref name="ordinal"/>.</summary>
    public void Add(IMethodSymbol target, int ordinal, ValueOrigin origin, FunctionKey caller) =>
        _values.Add(target, ordinal, new PassedValue(target, ordinal, origin, caller));

    /// <summary>What the recorded calls pass to <paramref name="parameter"/>: calls of its method, of the interface members it implements and of the methods it overrides.</summary>
    public IEnumerable<PassedValue> To(IParameterSymbol parameter)
    {
        foreach (var passed in _values.To(parameter))
        {
            yield return passed.Value;
        }
    }

    /// <summary>
    /// The method, the methods it overrides and the interface members it implements: what a call that runs it may name.
    /// <c>Exact</c>: the call must name that member as constructed (dispatch through a base or an interface).
    /// </summary>
    public static IEnumerable<(IMethodSymbol Callee, bool Exact)> CalledAs(IMethodSymbol method)
    {
        yield return (method, false);
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return (overridden, true);
        }

        foreach (var explicitly in method.ExplicitInterfaceImplementations)
        {
            yield return (explicitly, true);
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
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                {
                    yield return (interfaceMethod, true);
                }
            }
        }
    }
}

/// <summary>
/// The one store of "what calls pass to a parameter" across types, for any kind of value (a value origin for LBP201 and
/// LBP202, a constant string for LBP401's wrappers): recorded per called method as the types are analyzed, read per
/// parameter at compilation end, through the overrides and interface members the method implements
/// (<see cref="CrossTypeArguments.CalledAs"/>).
/// </summary>
internal sealed class CallerValues<TValue>
{
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<(IMethodSymbol Target, int Ordinal, TValue Value)>> _byMethod = new(SymbolEqualityComparer.Default);

    public bool IsEmpty => _byMethod.IsEmpty;

    /// <summary>Records that a call of <paramref name="target"/> passes <paramref name="value"/> to parameter <paramref name="ordinal"/>.</summary>
    public void Add(IMethodSymbol target, int ordinal, TValue value) =>
        _byMethod.GetOrAdd(target.OriginalDefinition, _ => new ConcurrentQueue<(IMethodSymbol, int, TValue)>()).Enqueue((target, ordinal, value));

    /// <summary>
    /// What the recorded calls pass to <paramref name="parameter"/>, each with the member the call named: the method itself,
    /// or (<c>Exact</c>) an override or interface member it implements, counted only for the instantiation this type
    /// implements (<c>IRepo&lt;Order&gt;</c>, not <c>IRepo&lt;Audit&gt;</c>).
    /// </summary>
    public IEnumerable<(TValue Value, IMethodSymbol Callee, bool Exact)> To(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            yield break;
        }

        foreach (var (callee, exact) in CrossTypeArguments.CalledAs(method))
        {
            if (_byMethod.TryGetValue(callee.OriginalDefinition, out var passed))
            {
                foreach (var (target, ordinal, value) in passed)
                {
                    if (ordinal == parameter.Ordinal && (!exact || SymbolEqualityComparer.Default.Equals(target.ContainingType, callee.ContainingType)))
                    {
                        yield return (value, callee, exact);
                    }
                }
            }
        }
    }
}
