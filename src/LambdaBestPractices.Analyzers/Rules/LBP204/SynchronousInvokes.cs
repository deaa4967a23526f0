using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// A Lambda invoke that waits for the other function (LBP204): <c>IAmazonLambda.InvokeAsync(InvokeRequest)</c> or
/// <c>Invoke(InvokeRequest)</c> whose request, visible in the same member body, has <c>InvocationType</c> RequestResponse or unset.
/// </summary>
internal sealed class SynchronousInvoke
{
    public SynchronousInvoke(IInvocationOperation invocation, IObjectCreationOperation request, ILocalSymbol? requestLocal, IOperation? invocationTypeValue, bool isDefault, ImmutableArray<IInvocationOperation> invokesOfRequest)
    {
        IsDefault = isDefault;
        Invocation = invocation;
        Request = request;
        RequestLocal = requestLocal;
        InvocationTypeValue = invocationTypeValue;
        InvokesOfRequest = invokesOfRequest;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The <c>new InvokeRequest { ... }</c>, inline or the single write of <see cref="RequestLocal"/>.</summary>
    public IObjectCreationOperation Request { get; }

    public ILocalSymbol? RequestLocal { get; }

    /// <summary>The value assigned to <c>InvocationType</c> (initializer or <c>request.InvocationType = ...</c>), or null when never assigned.</summary>
    public IOperation? InvocationTypeValue { get; }

    /// <summary>True when the request leaves <c>InvocationType</c> unset (or null): the service's default is RequestResponse.</summary>
    public bool IsDefault { get; }

    /// <summary>Every invoke call the request goes to (this one included).</summary>
    public ImmutableArray<IInvocationOperation> InvokesOfRequest { get; }
}

internal static class SynchronousInvokes
{
    private const string InvocationTypeProperty = "InvocationType";
    private const string FunctionNameProperty = "FunctionName";
    private const string RequestResponse = "RequestResponse";

    /// <summary>The synchronous invoke <paramref name="invocation"/> is, or null (not an invoke, asynchronous, or a request the rule cannot see).</summary>
    public static SynchronousInvoke? Find(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (!IsInvokeMethod(invocation.TargetMethod)
            || invocation.ArgumentFor(0) is not { } argument)
        {
            return null;
        }

        IObjectCreationOperation? creation;
        ILocalSymbol? local = null;
        IOperation? root = null;
        var value = argument.WalkDownConversion();
        if (value is IObjectCreationOperation inline)
        {
            creation = inline;
        }
        else if (value is ILocalReferenceOperation { Local: { RefKind: RefKind.None } requestLocal })
        {
            local = requestLocal;
            root = invocation.Root();
            creation = SingleCreation(root, local, cancellationToken);
        }
        else
        {
            return null;
        }

        if (creation is null || !IsType(creation.Type, KnownTypes.LambdaSdkModelNamespaceParts, KnownTypes.InvokeRequestName))
        {
            return null;
        }

        // Every write of InvocationType and FunctionName: the initializer's, and statements `request.X = ...` on the local.
        var invocationTypes = new List<IOperation>();
        var functionNames = new List<IOperation>();
        foreach (var write in ObjectMembers.InInitializer(creation))
        {
            if (write.Kind != MemberWriteKind.Assignment)
            {
                // A nested initializer or a compound write of the request: what the invoke gets is not readable.
                return null;
            }

            if (write.Member is IPropertySymbol property)
            {
                Collect(property, write.Value!, invocationTypes, functionNames);
            }
        }

        var invokes = ImmutableArray.Create(invocation);
        if (local is not null && root is not null)
        {
            var builder = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var reference in BodyFacts.Of(root).References(local))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parent = reference.WalkUpConversion(out var child);
                switch (parent)
                {
                    case IVariableDeclaratorOperation:
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target == child:
                        // The single write (checked by SingleCreation).
                        break;
                    case IPropertyReferenceOperation { Property: { } property } access when access.Instance == child:
                        if (access.Parent is ISimpleAssignmentOperation written && written.Target == access)
                        {
                            Collect(property, written.Value, invocationTypes, functionNames);
                        }
                        else if (property.Name == InvocationTypeProperty && BodyFacts.IsWrite(access, out _))
                        {
                            return null;
                        }

                        break;
                    case IArgumentOperation { Parent: IInvocationOperation other } when IsInvokeMethod(other.TargetMethod):
                        builder.Add(other);
                        break;
                    default:
                        // Passed to a helper, captured, stored, copied: someone else may set the invocation type.
                        return null;
                }
            }

            if (!builder.Contains(invocation))
            {
                return null;
            }

            invokes = builder.ToImmutable();
        }

        if (invocationTypes.Count > 1)
        {
            return null;
        }

        var invocationType = invocationTypes.Count == 1 ? invocationTypes[0] : null;
        var isDefault = invocationType is null;
        if (invocationType is not null)
        {
            switch (Classify(invocationType))
            {
                case Mode.Unset:
                    isDefault = true;
                    break;
                case Mode.RequestResponse:
                    break;
                default:
                    return null;
            }
        }

        foreach (var functionName in functionNames)
        {
            if (IsSelfInvocation(functionName))
            {
                return null;
            }
        }

        return new SynchronousInvoke(invocation, creation, local, invocationType, isDefault, invokes);
    }

    /// <summary>
    /// Whether the invoke's result is never read: <c>await client.InvokeAsync(request);</c>, <c>_ = await ...;</c>, with or
    /// without <c>ConfigureAwait</c>, or the task itself dropped.
    /// </summary>
    public static bool IsResponseDiscarded(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        var parent = current.WalkUpConversion(out var child);
        if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == child)
        {
            current = configureAwait;
            parent = current.WalkUpConversion(out child);
        }

        if (parent is IAwaitOperation awaited)
        {
            current = awaited;
            parent = current.WalkUpConversion(out child);
        }

        return parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == child => discard.Parent is IExpressionStatementOperation,
            _ => false,
        };
    }

    private enum Mode
    {
        Unknown,
        Unset,
        RequestResponse,
        Other,
    }

    private static void Collect(IPropertySymbol property, IOperation value, List<IOperation> invocationTypes, List<IOperation> functionNames)
    {
        if (property.Name == InvocationTypeProperty)
        {
            invocationTypes.Add(value);
        }
        else if (property.Name == FunctionNameProperty)
        {
            functionNames.Add(value);
        }
    }

    /// <summary>
    /// <c>InvocationType.RequestResponse</c>, the constant string <c>"RequestResponse"</c> (implicit conversion) and <c>null</c> wait;
    /// <c>Event</c>, <c>DryRun</c> and anything that is not a constant do not count.
    /// </summary>
    private static Mode Classify(IOperation value)
    {
        var operation = value.WalkDownConversion();
        if (operation is IFieldReferenceOperation { Field: { IsStatic: true } field } && IsType(field.ContainingType, KnownTypes.LambdaSdkNamespaceParts, KnownTypes.InvocationTypeName))
        {
            return field.Name == RequestResponse ? Mode.RequestResponse : Mode.Other;
        }

        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                null => Mode.Unset,
                RequestResponse => Mode.RequestResponse,
                _ => Mode.Other,
            };
        }

        return Mode.Unknown;
    }

    /// <summary>
    /// An invoke of this function by its own name is LBP201's (recursion), not LBP204's. Decided by the value-origin
    /// component LBP201 uses (<see cref="ValueOrigins"/>), over the invoking member's body: <c>context.FunctionName</c>,
    /// <c>context.InvokedFunctionArn</c>, <c>AWS_LAMBDA_FUNCTION_NAME</c>, through locals, <c>??</c>, concatenation and
    /// string operations. (LBP201 also follows fields and private helpers' parameters across the type; an invoke it finds
    /// only that way is reported by both rules.)
    /// </summary>
    private static bool IsSelfInvocation(IOperation functionName)
    {
        if (functionName.SemanticModel is not { } model
            || model.GetEnclosingSymbol(functionName.Syntax.SpanStart)?.ContainingType is not { } type)
        {
            return false;
        }

        var origins = new ValueOrigins(LambdaSymbols.For(model.Compilation), type, new[] { functionName.Root() }, System.Threading.CancellationToken.None);
        return origins.Of(functionName).Kind == OriginKind.OwnFunction;
    }

    /// <summary><c>InvokeAsync(InvokeRequest)</c> or <c>Invoke(InvokeRequest)</c> of IAmazonLambda, AmazonLambdaClient or a type implementing either.</summary>
    private static bool IsInvokeMethod(IMethodSymbol? method)
    {
        if (method is not { Name: KnownTypes.LambdaInvokeAsync or KnownTypes.LambdaInvoke, Parameters.Length: > 0 }
            || !IsType(method.Parameters[0].Type, KnownTypes.LambdaSdkModelNamespaceParts, KnownTypes.InvokeRequestName)
            || method.ContainingType is not { } type)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsType(current, KnownTypes.LambdaSdkNamespaceParts, KnownTypes.AmazonLambdaClientName) || IsType(current, KnownTypes.LambdaSdkNamespaceParts, KnownTypes.IAmazonLambdaName))
            {
                return true;
            }
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsType(candidate, KnownTypes.LambdaSdkNamespaceParts, KnownTypes.IAmazonLambdaName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsType(ITypeSymbol? type, string[] ns, string name) =>
        type is INamedTypeSymbol { Arity: 0 } named && named.Name == name && named.ContainingType is null && named.ContainingNamespace.IsNamespace(ns);

    /// <summary>The <c>new InvokeRequest</c> a local is assigned exactly once in the member body, or null.</summary>
    private static IObjectCreationOperation? SingleCreation(IOperation root, ILocalSymbol local, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SingleWrite(root, local)?.WalkDownConversion() as IObjectCreationOperation;
    }

    /// <summary>The one value written to <paramref name="local"/> in the body (<see cref="BodyFacts"/>).</summary>
    private static IOperation? SingleWrite(IOperation root, ILocalSymbol local) => BodyFacts.Of(root).SingleValue(local);
}
