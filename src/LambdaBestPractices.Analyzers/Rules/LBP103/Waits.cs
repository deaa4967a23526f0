using System;
using System.Globalization;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP103's reading of a wait: <c>Thread.Sleep</c> and <c>Task.Delay</c>, how long they wait when the code says so, and
/// whether they sit in a loop that polls another service. What a wait is, in order:
/// <list type="number">
/// <item>in a retry helper (a method or local function whose name says <c>Retry</c> or <c>Backoff</c>), in a <c>catch</c>
/// clause, or in a loop bounded by a small constant (at most <see cref="SmallBound"/> tries): a retry back-off, not reported;</item>
/// <item>a known duration of a second or more: reported with its length;</item>
/// <item>in a <c>while</c>, <c>do</c> or <c>for</c> loop that also reads a status from an AWS SDK client
/// (<c>Describe*</c>, <c>Get*</c>, <c>List*</c>, <c>Head*</c>): reported as a polling loop, whatever the delay;</item>
/// <item>anything else (a delay under a second, a length the code does not fix): not reported.</item>
/// </list>
/// </summary>
internal static class Waits
{
    /// <summary>A loop of at most this many tries is a retry, not a wait.</summary>
    public const int SmallBound = 5;

    private const double OneSecond = 1000;
    private const int MaxDepth = 4;

    /// <summary>What a wait call does that LBP103 reports: the call's name and what it does ("waits 5 s"), or null.</summary>
    public static (string Call, string Does)? Classify(IInvocationOperation invocation, LambdaSymbols symbols, ConstantStrings constants, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        string call;
        switch (method.Name)
        {
            case "Sleep" when method.IsStatic && LambdaSymbols.Contains(symbols.Thread, method.ContainingType):
                call = "Thread.Sleep";
                break;
            case "Delay" when method.IsStatic && LambdaSymbols.Contains(symbols.Task, method.ContainingType):
                call = "Task.Delay";
                break;
            default:
                return null;
        }

        if (invocation.Arguments.Length == 0 || (call == "Task.Delay" && !IsWaitedFor(invocation)) || IsRetryBackOff(invocation, out var loop))
        {
            return null;
        }

        var argument = invocation.ArgumentFor(0);
        if (Milliseconds(argument, symbols, constants, 0, cancellationToken) is { } milliseconds && milliseconds >= OneSecond)
        {
            return (call, "waits " + Seconds(milliseconds));
        }

        return loop is not null and not IForEachLoopOperation && !WalksACollection(loop) && StatusReadIn(loop) is { } read
            ? (call, "waits between calls to '" + read.TargetMethod.Name + "' in a polling loop")
            : null;
    }

    /// <summary>
    /// Whether the function waits for the delay's task itself: awaits it (also through <c>ConfigureAwait</c> or a local
    /// written once), blocks on it (<c>Wait()</c>, <c>GetAwaiter().GetResult()</c>), or returns it to a caller. A delay handed on
    /// (<c>Task.WhenAny(work, Task.Delay(...))</c>, a watchdog) is a timeout, not idle time.
    /// </summary>
    private static bool IsWaitedFor(IOperation delay)
    {
        var current = delay;
        while (true)
        {
            var parent = current.WalkUpConversion(out var child);
            switch (parent)
            {
                // Returned: the caller awaits the helper (`Task PauseAsync() => Task.Delay(5000);`).
                case IAwaitOperation or IReturnOperation:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Wait" or "GetResult" } blocking when blocking.Instance == child:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "GetAwaiter" } chained when chained.Instance == child:
                    current = chained;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when current == delay:
                    foreach (var reference in BodyFacts.Of(delay).References(declarator.Symbol))
                    {
                        if (!BodyFacts.IsWrite(reference, out _) && IsWaitedFor(reference))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Whether the wait is a retry's back-off: in a helper named for retries, in a <c>catch</c> clause, or in a loop of a few
    /// tries. <paramref name="loop"/> is the innermost loop around the wait in its own function, or null.
    /// </summary>
    private static bool IsRetryBackOff(IInvocationOperation wait, out ILoopOperation? loop)
    {
        loop = null;
        var inOwnFunction = true;
        for (var current = wait.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ICatchClauseOperation when inOwnFunction:
                    return true;
                case ILoopOperation found when inOwnFunction:
                    loop ??= found;
                    if (HasSmallBound(found))
                    {
                        return true;
                    }

                    break;
                case ILocalFunctionOperation local:
                    if (SaysRetry(local.Symbol.Name))
                    {
                        return true;
                    }

                    inOwnFunction = false;
                    break;
                case IAnonymousFunctionOperation:
                    // The loops and catch clauses around a lambda do not run it; the member's name still says what it is.
                    inOwnFunction = false;
                    break;
            }
        }

        return SaysRetry(EnclosingMemberName(wait.Syntax));
    }

    private static string EnclosingMemberName(SyntaxNode node) => node.FirstAncestorOrSelf<MemberDeclarationSyntax>() switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool SaysRetry(string name) =>
        name.IndexOf("Retry", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Retries", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Backoff", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary><c>for (var i = 0; i &lt; 3; i++)</c>, <c>while (attempt++ &lt; 3)</c>, <c>while (tries &lt;= 4 &amp;&amp; !done)</c>.</summary>
    private static bool HasSmallBound(ILoopOperation loop) => loop switch
    {
        IForLoopOperation { Condition: { } condition } => IsSmallBound(condition),
        IWhileLoopOperation { Condition: { } condition } => IsSmallBound(condition),
        _ => false,
    };

    private static bool IsSmallBound(IOperation condition)
    {
        if (condition.WalkDownConversion() is not IBinaryOperation binary)
        {
            return false;
        }

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd:
                return IsSmallBound(binary.LeftOperand) || IsSmallBound(binary.RightOperand);
            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                return IsSmallCount(binary.RightOperand) || IsCountDown(zero: binary.LeftOperand, counter: binary.RightOperand);
            case BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                return IsSmallCount(binary.LeftOperand) || IsCountDown(zero: binary.RightOperand, counter: binary.LeftOperand);
            default:
                return false;
        }
    }

    /// <summary>
    /// A bound of at most <see cref="SmallBound"/> tries: a constant, or a local written once with one
    /// (<c>var maxRetries = 3;</c>), or a <c>readonly</c> field initialized with a literal.
    /// </summary>
    private static bool IsSmallCount(IOperation operand) => SmallCount(operand) is not null;

    private static int? SmallCount(IOperation operand)
    {
        operand = operand.WalkDownConversion();
        var value = operand.ConstantValue is { HasValue: true, Value: int constant } ? constant
            : operand is ILocalReferenceOperation local && BodyFacts.SingleValueOf(local)?.WalkDownConversion().ConstantValue is { HasValue: true, Value: int written } ? written
            : operand is IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field }
                && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && LiteralNumber(initializer) is { } initialized && initialized == Math.Floor(initialized)
                ? (int)initialized
            : (int?)null;
        return value is >= 0 and <= SmallBound ? value : null;
    }

    /// <summary>
    /// A count-down: <c>while (left-- &gt; 0)</c>, <c>while (--left &gt;= 0)</c> (the zero side is <paramref name="zero"/>),
    /// with the counter a local written first with a small count.
    /// </summary>
    private static bool IsCountDown(IOperation zero, IOperation counter)
    {
        if (zero.WalkDownConversion().ConstantValue is not { HasValue: true, Value: 0 })
        {
            return false;
        }

        var local = counter.WalkDownConversion() switch
        {
            IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } => target,
            ILocalReferenceOperation plain => plain,
            _ => null,
        };
        if (local is null)
        {
            return false;
        }

        // The declaration's initializer (the decrement is a second write, so the local has no single value).
        return local.Local.DeclaringSyntaxReferences.Length == 1
            && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax { Token.Value: int initial } }
            && initial is >= 0 and <= SmallBound;
    }

    /// <summary>
    /// A <c>for</c> or <c>while</c> loop over a collection's elements (its condition reads a <c>Count</c>, <c>Length</c>
    /// or <c>Count()</c>): each item once, like a <c>foreach</c>, not a wait for one state.
    /// </summary>
    private static bool WalksACollection(ILoopOperation loop)
    {
        if (LoopCondition(loop) is not { } condition)
        {
            return false;
        }

        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength" }:
                case IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first call in <paramref name="loop"/> (its body or condition, not a lambda's) that reads another resource's state
    /// from an AWS SDK client, or null. A loop that pages (its condition reads a <c>*Token</c>, <c>*Marker</c>,
    /// <c>IsTruncated</c> or <c>HasMorePages</c>) walks through results, it does not wait for a state.
    /// </summary>
    private static IInvocationOperation? StatusReadIn(ILoopOperation loop)
    {
        if (LoopCondition(loop) is { } condition && PagesThroughResults(condition))
        {
            return null;
        }

        var span = loop.Syntax.Span;
        foreach (var operation in BodyFacts.Of(loop).OfKind(OperationKind.Invocation))
        {
            if (operation is IInvocationOperation invocation
                && span.Contains(invocation.Syntax.Span)
                && IsStatusRead(invocation.TargetMethod)
                && InLoopItself(invocation, loop))
            {
                return invocation;
            }
        }

        return null;
    }

    private static IOperation? LoopCondition(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition,
        IForLoopOperation forLoop => forLoop.Condition,
        _ => null,
    };

    private static bool PagesThroughResults(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            var (name, type) = operation switch
            {
                IPropertyReferenceOperation { Property.Name: "IsTruncated" or "HasMorePages" } => ("Token", (ITypeSymbol?)null),
                IPropertyReferenceOperation property => (property.Property.Name, property.Type),
                IFieldReferenceOperation field => (field.Field.Name, field.Type),
                ILocalReferenceOperation local => (local.Local.Name, local.Type),
                IParameterReferenceOperation parameter => (parameter.Parameter.Name, parameter.Type),
                _ => (null, null),
            };

            // A continuation token or marker is a string (`CancellationToken` is not one).
            if (name is not null
                && (type is null || type.SpecialType == SpecialType.System_String)
                && (name.EndsWith("Token", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Marker", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call that reads the state of something another service is doing: <c>Describe*</c> (a Step Functions execution, a
    /// table, a stack), <c>Head*</c> and <c>GetObjectMetadata</c> (an object appearing), and <c>Get*</c> calls that name a
    /// state, a status, an execution, a job, a run or a query's results. <c>List*</c> and plain reads (<c>GetItem</c>) are
    /// more often pages and work than waits.
    /// </summary>
    private static bool IsStatusRead(IMethodSymbol method)
    {
        if (method.IsStatic || !ResourceSlots.IsSdkMember(method))
        {
            return false;
        }

        var name = method.Name;
        if (name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("Head", StringComparison.Ordinal) || name.StartsWith("GetObjectMetadata", StringComparison.Ordinal))
        {
            return true;
        }

        return name.StartsWith("Get", StringComparison.Ordinal)
            && (name.IndexOf("Status", StringComparison.Ordinal) >= 0
                || name.IndexOf("State", StringComparison.Ordinal) >= 0
                || name.IndexOf("Execution", StringComparison.Ordinal) >= 0
                || name.IndexOf("Job", StringComparison.Ordinal) >= 0
                || name.IndexOf("Run", StringComparison.Ordinal) >= 0
                || name.IndexOf("QueryResults", StringComparison.Ordinal) >= 0);
    }

    private static bool InLoopItself(IOperation operation, ILoopOperation loop)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == loop)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The milliseconds a wait's argument fixes: a constant number (<c>Thread.Sleep(5000)</c>, <c>const int</c>), a
    /// <c>TimeSpan.From*</c> or <c>new TimeSpan(...)</c> of constants, a local written once with one of those, or a
    /// <c>readonly</c> field initialized with one (not assigned in a constructor); null when the code does not say.
    /// </summary>
    private static double? Milliseconds(IOperation? value, LambdaSymbols symbols, ConstantStrings constants, int depth, CancellationToken cancellationToken)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        value = value.WalkDownConversion();
        if (value.ConstantValue is { HasValue: true, Value: { } constant } && IsNumber(constant))
        {
            return System.Convert.ToDouble(constant, CultureInfo.InvariantCulture);
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } factory } invocation when LambdaSymbols.Contains(symbols.TimeSpan, factory.ContainingType):
                return FactoryMilliseconds(factory.Name, invocation.Arguments, cancellationToken);
            case IObjectCreationOperation { Constructor: { } constructor } creation when LambdaSymbols.Contains(symbols.TimeSpan, constructor.ContainingType):
                return FactoryMilliseconds(".ctor", creation.Arguments, cancellationToken);
            case ILocalReferenceOperation local when BodyFacts.SingleValueOf(local) is { } written:
                return Milliseconds(written, symbols, constants, depth + 1, cancellationToken);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }
                when field.DeclaringSyntaxReferences.Length == 1
                && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && !constants.IsAssignedInConstructor(field, cancellationToken):
                return InitializerMilliseconds(initializer, field.Type);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>TimeSpan.FromSeconds(5)</c>, <c>TimeSpan.FromMinutes(1, 30)</c> (.NET 9), <c>new TimeSpan(0, 0, 30)</c>: each
    /// argument is read by its parameter's name, so every overload is read the same way.
    /// </summary>
    private static double? FactoryMilliseconds(string method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
    {
        if (arguments.IsEmpty)
        {
            return null;
        }

        var total = 0.0;
        foreach (var argument in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (argument.Parameter is not { } parameter
                || argument.Value.WalkDownConversion().ConstantValue is not { HasValue: true, Value: { } constant }
                || !IsNumber(constant)
                || UnitOf(parameter.Name, method) is not { } unit)
            {
                return null;
            }

            total += System.Convert.ToDouble(constant, CultureInfo.InvariantCulture) * unit;
        }

        return total;
    }

    /// <summary>The milliseconds in one unit of a <c>TimeSpan</c> factory's or constructor's parameter.</summary>
    private static double? UnitOf(string parameter, string method) => parameter switch
    {
        "days" => 86_400_000,
        "hours" => 3_600_000,
        "minutes" => 60_000,
        "seconds" => 1_000,
        "milliseconds" => 1,
        "microseconds" => 0.001,
        "ticks" => 0.0001,
        "value" => method switch
        {
            "FromDays" => 86_400_000,
            "FromHours" => 3_600_000,
            "FromMinutes" => 60_000,
            "FromSeconds" => 1_000,
            "FromMilliseconds" => 1,
            "FromMicroseconds" => 0.001,
            "FromTicks" => 0.0001,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// A <c>readonly</c> field's initializer, read from its syntax (the field's own operations belong to another body): a
    /// number literal for a number field, <c>TimeSpan.FromX(literal)</c> or <c>new TimeSpan(literals)</c> for a
    /// <c>TimeSpan</c> field.
    /// </summary>
    private static double? InitializerMilliseconds(ExpressionSyntax initializer, ITypeSymbol fieldType)
    {
        if (fieldType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double)
        {
            return LiteralNumber(initializer);
        }

        if (fieldType is not { Name: "TimeSpan", ContainingNamespace.Name: "System" })
        {
            return null;
        }

        switch (initializer)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 1 } single }
                when access.Expression.ToString() is "TimeSpan" or "System.TimeSpan"
                && UnitOf("value", access.Name.Identifier.ValueText) is { } unit
                && LiteralNumber(single[0].Expression) is { } amount:
                return amount * unit;
            case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } parts }
                when initializer is ImplicitObjectCreationExpressionSyntax || (initializer is ObjectCreationExpressionSyntax created && created.Type.ToString() is "TimeSpan" or "System.TimeSpan"):
                // new TimeSpan(hours, minutes, seconds)
                return LiteralNumber(parts[0].Expression) is { } h && LiteralNumber(parts[1].Expression) is { } m && LiteralNumber(parts[2].Expression) is { } s
                    ? (h * 3_600_000) + (m * 60_000) + (s * 1_000)
                    : null;
            default:
                return null;
        }
    }

    private static double? LiteralNumber(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is { } value && IsNumber(value)
            ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    private static bool IsNumber(object value) => value is int or long or double or float or short or uint or ulong or decimal;

    /// <summary>"5 s", "1.5 s", "2 min", "1 h".</summary>
    private static string Seconds(double milliseconds)
    {
        var seconds = milliseconds / OneSecond;
        return seconds >= 3600 && seconds % 3600 == 0 ? (seconds / 3600).ToString("0.##", CultureInfo.InvariantCulture) + " h"
            : seconds >= 60 && seconds % 60 == 0 ? (seconds / 60).ToString("0.##", CultureInfo.InvariantCulture) + " min"
            : seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
