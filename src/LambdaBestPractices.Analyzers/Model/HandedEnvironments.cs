using System.Collections.Concurrent;
using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// <see cref="EnvironmentEntries"/>' CDK reading across methods: an entry written into a local dictionary that one method
/// builds and another puts into a function's environment, either because the dictionary is handed to it
/// (<c>CreateFunction(this, "Api", env)</c> into <c>new FunctionProps { Environment = environment }</c>) or because the
/// building method returns it (<c>Environment = BuildEnvironment()</c>). Each type records what it sees; the join is made
/// at compilation end, one call deep, for methods declared in source and called directly (not through an interface).
/// </summary>
internal sealed class HandedEnvironments
{
    private readonly ConcurrentDictionary<IParameterSymbol, byte> _environmentParameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, byte> _environmentSources = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<(EnvironmentEntry Entry, List<(IMethodSymbol Target, int Ordinal)>? PassedTo, IMethodSymbol? ReturnedBy)> _unresolved = new();

    /// <summary>A parameter whose value is assigned to a function's <c>Environment</c>.</summary>
    public void AddEnvironmentParameter(IParameterSymbol parameter) => _environmentParameters.TryAdd(parameter.OriginalDefinition, 0);

    /// <summary>A method whose result is assigned to a function's <c>Environment</c>.</summary>
    public void AddEnvironmentSource(IMethodSymbol method) => _environmentSources.TryAdd(method.OriginalDefinition, 0);

    /// <summary>
    /// An entry of a local dictionary its own body does not put into an environment: kept with where the local goes (an
    /// argument of a call to source, the method's return).
    /// </summary>
    public void AddUnresolved(ILocalSymbol local, EnvironmentEntry entry)
    {
        var value = entry.Value;
        List<(IMethodSymbol, int)>? passedTo = null;
        IMethodSymbol? returnedBy = null;
        foreach (var reference in BodyFacts.Of(value).References(local))
        {
            var parent = reference.WalkUpConversion(out _);
            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation or IObjectCreationOperation }
                    when parameter.ContainingSymbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } target:
                    (passedTo ??= new()).Add((target, parameter.Ordinal));
                    break;
                // The method's own return, not a lambda's inside it.
                case IReturnOperation returned when local.ContainingSymbol is IMethodSymbol method
                    && returned.ContainingFunction(method).Equals(FunctionKey.ForSymbol(method.NormalizeMember())):
                    returnedBy = method;
                    break;
            }
        }

        if (passedTo is not null || returnedBy is not null)
        {
            _unresolved.Enqueue((entry, passedTo, returnedBy));
        }
    }

    /// <summary>The entries whose dictionary reaches a function's environment through another method.</summary>
    public IEnumerable<EnvironmentEntry> Resolve()
    {
        foreach (var (entry, passedTo, returnedBy) in _unresolved)
        {
            if ((returnedBy is not null && _environmentSources.ContainsKey(returnedBy.OriginalDefinition))
                || (passedTo is not null && passedTo.Exists(IsEnvironmentParameter)))
            {
                yield return entry;
            }
        }
    }

    private bool IsEnvironmentParameter((IMethodSymbol Target, int Ordinal) passed)
    {
        var target = passed.Target.OriginalDefinition;
        return passed.Ordinal < target.Parameters.Length && _environmentParameters.ContainsKey(target.Parameters[passed.Ordinal]);
    }
}
