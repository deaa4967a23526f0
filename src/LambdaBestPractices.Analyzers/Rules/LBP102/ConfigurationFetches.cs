using System;
using System.Collections.Generic;
using System.Linq;
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
/// LBP102's reading of what the code does with a value read from Parameter Store or Secrets Manager (the reads are the
/// shared <see cref="ConfigurationReads"/>).
/// </summary>
internal static class ConfigurationFetches
{
    private const int MaxLocalHops = 4;

    /// <summary>
    /// What the code does with the result of <paramref name="call"/> (a fetch, or a call of a helper that returns one),
    /// followed through <c>await</c>, <c>ConfigureAwait</c>, <c>.Result</c>/<c>GetAwaiter().GetResult()</c>, the response's
    /// properties (<c>.Parameter.Value</c>, <c>.SecretString</c>), <c>??</c>, and locals written once.
    /// </summary>
    public static FetchUse UseOf(IOperation call, LambdaSymbols symbols) =>
        UseOf(call, symbols, 0) is var use && use == FetchUse.NotCached && IsInLoadOnceBlock(call) ? FetchUse.Cached : use;

    /// <summary>
    /// Whether <paramref name="operation"/> runs in the body of an <c>if</c> (of its own function) that loads something
    /// once: its condition reads a field or property (<c>if (!s_loaded)</c>, <c>if (s_settings == null)</c>,
    /// <c>if (DateTime.UtcNow &gt; s_expires)</c>), and its body writes that member (<c>s_loaded = true;</c>,
    /// <c>s_settings[name] = value;</c>, <c>s_settings.Add(...)</c>): whatever the fetched value becomes there, it is
    /// fetched again only when the guard says so.
    /// </summary>
    private static bool IsInLoadOnceBlock(IOperation operation)
    {
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case IConditionalOperation { WhenTrue: { } body, Condition: { } condition } branch when branch.WhenTrue == child && GuardedMembers(condition) is { Count: > 0 } members
                    && WritesAny(body, members):
                    return true;
            }
        }

        return false;
    }

    private static List<ISymbol> GuardedMembers(IOperation condition)
    {
        var members = new List<ISymbol>();
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } reference && IsLongLivedOwner(reference.Instance)
                && !reference.Member.DeclaringSyntaxReferences.IsEmpty)
            {
                members.Add(reference.Member.OriginalDefinition);
            }
        }

        return members;
    }

    private static bool WritesAny(IOperation body, List<ISymbol> members)
    {
        var span = body.Syntax.Span;
        var facts = BodyFacts.Of(body);
        foreach (var assignment in facts.OfKind(OperationKind.SimpleAssignment))
        {
            if (span.Contains(assignment.Syntax.Span) && WrittenMember(((ISimpleAssignmentOperation)assignment).Target) is { } written && members.Contains(written, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        foreach (var invocation in facts.OfKind(OperationKind.Invocation))
        {
            if (span.Contains(invocation.Syntax.Span) && invocation is IInvocationOperation store && IsCacheStore(store)
                && WrittenMember(store.TargetMethod.IsExtensionMethod ? store.ArgumentFor(0) : store.Instance) is { } written && members.Contains(written, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field or property a write lands in: the member itself, or the one holding the collection written.</summary>
    private static ISymbol? WrittenMember(IOperation? target) => target?.WalkDownConversion() switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } holder } => WrittenMember(holder),
        IArrayElementReferenceOperation element => WrittenMember(element.ArrayReference),
        IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member => member.Member.OriginalDefinition,
        _ => null,
    };

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
                    : HeldLocal(assignment.Target) is { } local ? UseOfLocal(local, value, symbols, hops)
                    : FetchUse.NotCached;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
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

    /// <summary>
    /// The local a value is stored in: the local itself (<c>value = ...</c>), or the local whose object's member it is
    /// written to (<c>builder.Password = ...</c>: what becomes of <c>builder</c>).
    /// </summary>
    private static ILocalSymbol? HeldLocal(IOperation target) => target.WalkDownConversion() switch
    {
        ILocalReferenceOperation local => local.Local,
        IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } => owner.Local,
        _ => null,
    };

    /// <summary>
    /// The local's uses: kept when any of them is kept, returned when any is returned. Past <see cref="MaxLocalHops"/>
    /// locals the value is not followed further, and counts as kept (the rule stays silent when it cannot tell).
    /// </summary>
    private static FetchUse UseOfLocal(ILocalSymbol local, IOperation anyOperationInBody, LambdaSymbols symbols, int hops)
    {
        if (hops >= MaxLocalHops)
        {
            return FetchUse.Cached;
        }

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

    /// <summary>
    /// A field or property of a long-lived object (static, this instance, or an object a field or property holds), or an
    /// element of a collection held by one (<c>s_cache[name]</c>). A member of a local's object is followed through the local.
    /// </summary>
    private static bool IsLongLived(IOperation target) => target.WalkDownConversion() switch
    {
        IFieldReferenceOperation field => IsLongLivedOwner(field.Instance),
        IPropertyReferenceOperation { Property.IsIndexer: false } property => IsLongLivedOwner(property.Instance),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } holder } => IsMember(holder),
        IArrayElementReferenceOperation element => IsMember(element.ArrayReference),
        _ => false,
    };

    private static bool IsLongLivedOwner(IOperation? instance) => instance is null || instance.WalkDownConversion() is IInstanceReferenceOperation || IsMember(instance);

    /// <summary>A field or property of a long-lived object (<c>s_cache</c>, <c>_cache</c>, <c>Settings.Values</c>); not <c>request.Headers</c> of a local.</summary>
    private static bool IsMember(IOperation operation) => operation.WalkDownConversion() switch
    {
        IFieldReferenceOperation field => IsLongLivedOwner(field.Instance),
        IPropertyReferenceOperation property => IsLongLivedOwner(property.Instance),
        _ => false,
    };

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
