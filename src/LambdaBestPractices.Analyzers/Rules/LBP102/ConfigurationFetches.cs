using System;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>What happens to a fetched value (or to the result of a helper that returns one).</summary>
internal enum FetchUse
{
    /// <summary>Used, and fetched again next time: a local, an argument, a discarded result.</summary>
    NotCached,

    /// <summary>Kept for later invocations: stored in a field or property, a cache held by one, or made by a cache's factory.</summary>
    Cached,

    /// <summary>Returned by its own method: the method's callers decide.</summary>
    Returned,
}

/// <summary>
/// LBP102's reading of the SDK calls that fetch configuration (Parameter Store <c>GetParameter</c>, <c>GetParameters</c>,
/// <c>GetParametersByPath</c>; Secrets Manager <c>GetSecretValue</c>) and of what the code does with the value.
/// </summary>
internal static class ConfigurationFetches
{
    private static readonly string[] SsmNamespace = { "Amazon", "SimpleSystemsManagement" };
    private static readonly string[] SecretsManagerNamespace = { "Amazon", "SecretsManager" };
    private const int MaxLocalHops = 2;

    /// <summary>What <paramref name="method"/> fetches ("a Parameter Store parameter", "a secret"), or null when it is no fetch.</summary>
    public static string? WhatIsFetched(IMethodSymbol method)
    {
        var (fetched, service) = method.Name switch
        {
            "GetParameter" or "GetParameterAsync" => ("a Parameter Store parameter", SsmNamespace),
            "GetParameters" or "GetParametersAsync" or "GetParametersByPath" or "GetParametersByPathAsync" => ("Parameter Store parameters", SsmNamespace),
            "GetSecretValue" or "GetSecretValueAsync" => ("a secret", SecretsManagerNamespace),
            _ => ((string?)null, SsmNamespace),
        };
        return fetched is not null && !method.IsStatic && ResourceSlots.IsSdkMember(method)
            && method.ContainingType?.ContainingNamespace is { } ns && ns.IsNamespace(service)
            ? fetched
            : null;
    }

    /// <summary>
    /// What the code does with the result of <paramref name="call"/> (a fetch, or a call of a helper that returns one),
    /// followed through <c>await</c>, <c>ConfigureAwait</c>, <c>.Result</c>/<c>GetAwaiter().GetResult()</c>, the response's
    /// properties (<c>.Parameter.Value</c>, <c>.SecretString</c>), <c>??</c>, and locals written once.
    /// </summary>
    public static FetchUse UseOf(IOperation call, LambdaSymbols symbols) => UseOf(call, symbols, 0);

    private static FetchUse UseOf(IOperation start, LambdaSymbols symbols, int hops)
    {
        var value = ValueOf(start);
        if (InitCode.IsLazyMemberInitialization(value) || InitCode.IsPerKeyCacheFactory(value, symbols))
        {
            return FetchUse.Cached;
        }

        var parent = value.WalkUpConversion(out var child);
        switch (parent)
        {
            // A target that does not bind (a member being typed) may be a field: stay silent.
            case ISimpleAssignmentOperation assignment when assignment.Value == child:
                return IsLongLived(assignment.Target) || assignment.Target is IInvalidOperation ? FetchUse.Cached
                    : assignment.Target is ILocalReferenceOperation local && hops < MaxLocalHops ? UseOfLocal(local.Local, value, symbols, hops)
                    : FetchUse.NotCached;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when hops < MaxLocalHops:
                return UseOfLocal(declarator.Symbol, value, symbols, hops);

            // `_cache.Set(name, value)`, `s_secrets.TryAdd(name, value)`, `_cache.Set(key, value, ttl)` (an extension).
            case IArgumentOperation { Parent: IInvocationOperation store } when IsCacheStore(store):
                return FetchUse.Cached;

            case IReturnOperation:
                return FetchUse.Returned;

            default:
                return FetchUse.NotCached;
        }
    }

    /// <summary>The local's uses: kept when any of them is kept, returned when any is returned.</summary>
    private static FetchUse UseOfLocal(ILocalSymbol local, IOperation anyOperationInBody, LambdaSymbols symbols, int hops)
    {
        var use = FetchUse.NotCached;
        foreach (var reference in BodyFacts.Of(anyOperationInBody).References(local))
        {
            if (BodyFacts.IsWrite(reference, out _))
            {
                continue;
            }

            switch (UseOf(reference, symbols, hops + 1))
            {
                case FetchUse.Cached:
                    return FetchUse.Cached;
                case FetchUse.Returned:
                    use = FetchUse.Returned;
                    break;
            }
        }

        return use;
    }

    /// <summary>
    /// The value the code goes on with: the awaited result, the response's properties read from it, and what is made of it
    /// (<c>JsonSerializer.Deserialize(value)</c>, <c>value.Split(',')</c>, <c>new NpgsqlConnection(value)</c>, an
    /// interpolation or concatenation, an object initializer, <c>??</c>, <c>?:</c>).
    /// </summary>
    private static IOperation ValueOf(IOperation call)
    {
        var current = call;
        while (true)
        {
            var parent = current.WalkUpConversion(out var child);
            switch (parent)
            {
                case IAwaitOperation:
                case IInvocationOperation invocation when invocation.Instance == child:
                case IPropertyReferenceOperation property when property.Instance == child:
                case ICoalesceOperation coalesce when coalesce.Value == child || coalesce.WhenNull == child:
                case IConditionalOperation conditional when conditional.Condition != child:
                case IBinaryOperation:
                case IInterpolatedStringOperation:
                case IInterpolationOperation:
                case IInterpolatedStringContentOperation:
                    current = parent!;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation or IObjectCreationOperation } argument when !(argument.Parent is IInvocationOperation store && IsCacheStore(store)):
                    current = argument.Parent!;
                    continue;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } } initializer
                    when initializer.Value == child && CreationOf(initializer) is { } creation:
                    current = creation;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>The object creation whose initializer holds <paramref name="initializer"/> (<c>new Settings { ApiKey = value }</c>).</summary>
    private static IOperation? CreationOf(IOperation initializer)
    {
        for (var current = initializer.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IObjectOrCollectionInitializerOperation:
                    continue;
                case IObjectCreationOperation or IAnonymousObjectCreationOperation:
                    return current;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A field or property, or an element of a collection held by one (<c>s_cache[name]</c>).</summary>
    private static bool IsLongLived(IOperation target) => target.WalkDownConversion() switch
    {
        IFieldReferenceOperation => true,
        IPropertyReferenceOperation { Property.IsIndexer: false } => true,
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } holder } => IsMember(holder),
        IArrayElementReferenceOperation element => IsMember(element.ArrayReference),
        _ => false,
    };

    private static bool IsMember(IOperation operation) => operation.WalkDownConversion() is IFieldReferenceOperation or IPropertyReferenceOperation;

    /// <summary>A store into a cache held by a field or property: <c>Set</c>, <c>Add</c>, <c>TryAdd</c>, <c>AddOrUpdate</c>, <c>GetOrAdd</c>, <c>TryUpdate</c>.</summary>
    private static bool IsCacheStore(IInvocationOperation store)
    {
        var name = store.TargetMethod.Name;
        if (!(name.StartsWith("Set", StringComparison.Ordinal) || name.StartsWith("Add", StringComparison.Ordinal)
            || name.StartsWith("TryAdd", StringComparison.Ordinal) || name is "GetOrAdd" or "TryUpdate" or "AddOrUpdate"))
        {
            return false;
        }

        var holder = store.TargetMethod.IsExtensionMethod ? store.ArgumentFor(0) : store.Instance;
        return holder is not null && IsMember(holder);
    }
}
