using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Init-code idioms that can sit inside a method on the invocation path but run once per execution environment
/// (RULES.md, "Init code"): lazy initialization into a field or property. The call graph already leaves out
/// constructors, initializers, <c>Lazy&lt;T&gt;</c> and <c>LazyInitializer</c> factories and DI registrations. Shared by
/// LBP101 (a client kept this way is created once) and LBP102 (a parameter or secret kept this way is fetched once).
/// </summary>
internal static class InitCode
{
    /// <summary>
    /// True when <paramref name="value"/> is stored into a field or property only when that member is still empty:
    /// <c>s_x ??= value</c>, <c>s_x ?? (s_x = value)</c>, <c>s_x = s_x ?? value</c> (the same member on both sides),
    /// <c>if (s_x is null) s_x = value</c> (or an early return when it is set, double-checked locking), and
    /// <c>Interlocked.CompareExchange(ref s_x, value, null)</c>.
    /// </summary>
    public static bool IsLazyMemberInitialization(IOperation value)
    {
        var parent = value.WalkUpConversion(out var child);
        switch (parent)
        {
            case ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Value == child:
                return ReferencedMember(coalesceAssignment.Target) is not null;

            case ISimpleAssignmentOperation assignment when assignment.Value == child && ReferencedMember(assignment.Target) is { } member:
                {
                    var outer = assignment.WalkUpConversion(out var assignmentChild);
                    if (outer is ICoalesceOperation coalesce && coalesce.WhenNull == assignmentChild && IsSameMember(coalesce.Value, member))
                    {
                        return true;
                    }

                    return HasNullCheck(FunctionRoot(assignment), member);
                }

            // `s_x = s_x ?? value`: the older spelling of `s_x ??= value` (a different member on the left of `??` is not).
            case ICoalesceOperation coalesce when coalesce.WhenNull == child && ReferencedMember(coalesce.Value) is { } tested:
                return coalesce.WalkUpConversion(out var coalesceChild) is ISimpleAssignmentOperation stored
                    && stored.Value == coalesceChild
                    && IsSameMember(stored.Target, tested);

            case IArgumentOperation { Parent: IInvocationOperation invocation }
                when invocation.TargetMethod.Name == "CompareExchange"
                    && invocation.TargetMethod.ContainingType?.Name == "Interlocked"
                    && invocation.Arguments.Length > 0
                    && ReferencedMember(invocation.Arguments[0].Value) is not null:
                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// True when <paramref name="value"/> is made inside the value factory of a long-lived cache held in a field or
    /// property: <c>s_clients.GetOrAdd(region, r =&gt; new AmazonS3Client(...))</c> on a <c>ConcurrentDictionary</c>, or
    /// <c>_cache.GetOrCreate(region, entry =&gt; ...)</c> / <c>GetOrCreateAsync</c> on an <c>IMemoryCache</c>, builds one
    /// client (or, for LBP102, fetches one parameter) per key and keeps it. The judgement of LBP101 and LBP102 (a client per
    /// region, a parameter per name is the point of such a cache), not the handler model's: a write in a factory keyed by a
    /// message ID still runs per message for the other rules. Not
    /// <c>GetOrAdd(key, new X())</c> (built on every call), <c>AddOrUpdate</c>, or a cache in a local.
    /// </summary>
    public static bool IsPerKeyCacheFactory(IOperation value, LambdaSymbols symbols)
    {
        if (FunctionRoot(value) is not IAnonymousFunctionOperation factory
            || factory.WalkUpConversion(out _) is not IDelegateCreationOperation delegateCreation
            || delegateCreation.WalkUpConversion(out _) is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } call })
        {
            return false;
        }

        var cache = method.Name switch
        {
            KnownTypes.ConcurrentDictionaryGetOrAdd when LambdaSymbols.Contains(symbols.ConcurrentDictionary, method.ContainingType) => call.Instance,
            KnownTypes.MemoryCacheGetOrCreate or KnownTypes.MemoryCacheGetOrCreateAsync
                when method.IsExtensionMethod && LambdaSymbols.Contains(symbols.MemoryCacheExtensions, method.ContainingType)
                => call.ArgumentFor(0),
            _ => null,
        };
        return cache is not null && ReferencedMember(cache) is not null;
    }

    private static ISymbol? ReferencedMember(IOperation operation) =>
        operation.WalkDownConversion() switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

    private static bool IsSameMember(IOperation operation, ISymbol member) =>
        SymbolEqualityComparer.Default.Equals(ReferencedMember(operation), member);

    /// <summary>The body of the innermost function (lambda, local function or member) that contains <paramref name="operation"/>.</summary>
    private static IOperation FunctionRoot(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>
    /// Whether the function <paramref name="function"/> (its body, nested functions included) tests <paramref name="member"/>
    /// for null: <c>== null</c>, <c>!= null</c>, an <c>is</c> pattern, or <c>??</c> on it. The tests come from the body's facts,
    /// collected once for every rule (<see cref="BodyFacts"/>).
    /// </summary>
    private static bool HasNullCheck(IOperation function, ISymbol member)
    {
        foreach (var operation in BodyFacts.Of(function).KeptOperations)
        {
            var isNullTest = operation switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
                    (IsSameMember(binary.LeftOperand, member) && IsNull(binary.RightOperand))
                    || (IsSameMember(binary.RightOperand, member) && IsNull(binary.LeftOperand)),
                IIsPatternOperation pattern => IsSameMember(pattern.Value, member),
                ICoalesceOperation coalesce => IsSameMember(coalesce.Value, member),
                _ => false,
            };
            if (isNullTest && IsWithin(operation, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="operation"/> is a proper descendant of <paramref name="function"/>.</summary>
    private static bool IsWithin(IOperation operation, IOperation function)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == function)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(IOperation operation) =>
        operation.WalkDownConversion() is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;
}
