using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP205's reading of a value that belongs to one invocation: the event (or a record, or anything nested in an event type),
/// the request's <see cref="Model.LambdaSymbols.ILambdaContext"/> and its per-request properties, an input parameter of a
/// handler, and what is read, parsed or built from them. Everything else (constants, configuration, clients, values of
/// helpers in source) is not known to be request data: the rule stays silent rather than guess.
/// </summary>
internal static class RequestData
{
    private const int MaxDepth = 10;

    /// <summary>The <c>ILambdaContext</c> properties that differ per request; the others (<c>Logger</c>, <c>FunctionName</c>, ...) are the function's.</summary>
    private static readonly HashSet<string> PerRequestContextProperties = new(System.StringComparer.Ordinal)
    {
        "AwsRequestId", "Identity", "ClientContext", "RemainingTime", "TraceId",
    };

    /// <summary>Framework methods whose result is made of their arguments: parsing, decoding, formatting.</summary>
    private static readonly HashSet<string> ParsingTypes = new(System.StringComparer.Ordinal)
    {
        "String", "Convert", "Encoding", "JsonSerializer", "JsonConvert", "JsonDocument", "JsonNode", "JObject", "JToken", "Uri", "WebUtility", "HttpUtility",
    };

    /// <summary>
    /// The part of <paramref name="value"/> that is request data (the outermost read of it, as the message shows it), or null.
    /// Followed: conversions, member reads and calls on request data (<c>record.Body.Trim()</c>, <c>request.Headers["x"]</c>,
    /// extension methods), parsing (<c>JsonSerializer.Deserialize&lt;Order&gt;(record.Body)</c>), objects, arrays, tuples and
    /// collections built from it (not SDK clients), interpolation and concatenation, <c>await</c>, <c>??</c>, <c>?:</c>,
    /// <c>?.</c>, and locals written once.
    /// </summary>
    public static IOperation? Find(IOperation value, LambdaSymbols symbols) => Find(value, symbols, 0);

    private static IOperation? Find(IOperation? operation, LambdaSymbols symbols, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversion();
        if (IsRequestType(operation.Type, symbols))
        {
            return operation;
        }

        depth++;
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return IsHandlerInput(parameter.Parameter, symbols) ? operation : null;

            case IPropertyReferenceOperation { Instance: { } instance } property:
                if (symbols.IsLambdaContext(instance.WalkDownConversion().Type))
                {
                    return PerRequestContextProperties.Contains(property.Property.Name) ? operation : null;
                }

                return Find(instance, symbols, depth) is null ? null : operation;

            case IFieldReferenceOperation { Instance: { } instance }:
                return Find(instance, symbols, depth) is null ? null : operation;

            case IArrayElementReferenceOperation element:
                return Find(element.ArrayReference, symbols, depth) is null ? null : operation;

            case IConditionalAccessOperation access:
                return Find(access.Operation, symbols, depth) is null ? null : operation;

            case IInvocationOperation invocation:
                return ReadsRequestData(invocation, symbols, depth) ? operation : null;

            case IObjectCreationOperation creation:
                if (symbols.IsClientOrClientLike(creation.Type))
                {
                    return null;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (Find(argument.Value, symbols, depth) is { } found)
                    {
                        return found;
                    }
                }

                return creation.Initializer is { } initializer ? FirstOf(initializer.Initializers, symbols, depth) : null;

            case IAnonymousObjectCreationOperation anonymous:
                return FirstOf(anonymous.Initializers, symbols, depth);

            case ISimpleAssignmentOperation assignment:
                return Find(assignment.Value, symbols, depth);

            case ITupleOperation tuple:
                return FirstOf(tuple.Elements, symbols, depth);

            case IArrayCreationOperation { Initializer: { } elements }:
                return FirstOf(elements.ElementValues, symbols, depth);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && Find(hole.Expression, symbols, depth) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return Find(concatenation.LeftOperand, symbols, depth) ?? Find(concatenation.RightOperand, symbols, depth);

            case IAwaitOperation awaited:
                return Find(awaited.Operation, symbols, depth);

            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, symbols, depth) ?? Find(coalesce.WhenNull, symbols, depth);

            case IConditionalOperation conditional:
                return Find(conditional.WhenTrue, symbols, depth) ?? Find(conditional.WhenFalse, symbols, depth);

            case ILocalReferenceOperation local:
                return Find(BodyFacts.SingleValueOf(local), symbols, depth);

            default:
                return null;
        }
    }

    private static IOperation? FirstOf(IEnumerable<IOperation> operations, LambdaSymbols symbols, int depth)
    {
        foreach (var operation in operations)
        {
            if (Find(operation, symbols, depth) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A call on request data (<c>record.Body.Trim()</c>, an extension method on it), or a framework parser given it.</summary>
    private static bool ReadsRequestData(IInvocationOperation invocation, LambdaSymbols symbols, int depth)
    {
        var method = invocation.TargetMethod;
        if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // An element of a collection initializer: `new List<string> { record.Body }`.
            return AnyArgument(invocation, symbols, depth);
        }

        if (invocation.Instance is { } instance)
        {
            // `record.Body.Trim()`; and a string made with request data (`s_trail.Insert(0, record.Body)`).
            return Find(instance, symbols, depth) is not null
                || (method.ContainingType.SpecialType == SpecialType.System_String && AnyArgument(invocation, symbols, depth));
        }

        if (method.IsExtensionMethod)
        {
            return invocation.Arguments.Length > 0 && Find(invocation.Arguments[0].Value, symbols, depth) is not null;
        }

        return ParsingTypes.Contains(method.ContainingType.Name) && method.ContainingType.DeclaringSyntaxReferences.IsEmpty && AnyArgument(invocation, symbols, depth);
    }

    private static bool AnyArgument(IInvocationOperation invocation, LambdaSymbols symbols, int depth)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Find(argument.Value, symbols, depth) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The event and what it nests (records, request contexts, identities), and the <c>ILambdaContext</c> itself; not the
    /// response types that share an event namespace (<c>APIGatewayProxyResponse</c>).
    /// </summary>
    private static bool IsRequestType(ITypeSymbol? type, LambdaSymbols symbols)
    {
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is TypeKind.Enum)
        {
            return false;
        }

        if (symbols.IsLambdaContext(named))
        {
            return true;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
        {
            // What the function answers with, in the event's namespace: responses, authorizer policies and outputs.
            if (current.Name.EndsWith("Response", System.StringComparison.Ordinal) || current.Name.EndsWith("Policy", System.StringComparison.Ordinal)
                || current.Name.EndsWith("Output", System.StringComparison.Ordinal))
            {
                return false;
            }

            if (symbols.EventSourceOfType(current) != EventSources.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An input of a handler whose event type the model cannot name (a POCO, a string): a parameter of a method that also
    /// takes the <c>ILambdaContext</c>, or of an Annotations <c>[LambdaFunction]</c> method, other than services
    /// (<c>[FromServices]</c>, clients), loggers and cancellation tokens.
    /// </summary>
    private static bool IsHandlerInput(IParameterSymbol parameter, LambdaSymbols symbols)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method
            || parameter.Type.TypeKind == TypeKind.Interface
            || symbols.IsClientOrClientLike(parameter.Type)
            || parameter.Type.Name is "CancellationToken" or "ILambdaLogger" or "ILogger")
        {
            return false;
        }

        // A handler's shape: (input, ILambdaContext), the input first; not a helper that also takes the context.
        var parameters = method.Parameters;
        var isHandler = parameters.Length == 2 && parameter.Ordinal == 0 && symbols.IsLambdaContext(parameters[1].Type);

        if (!isHandler && !symbols.LambdaFunctionAttribute.IsEmpty)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (LambdaSymbols.Contains(symbols.LambdaFunctionAttribute, attribute.AttributeClass))
                {
                    isHandler = true;
                    break;
                }
            }
        }

        if (!isHandler)
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "FromServicesAttribute")
            {
                return false;
            }
        }

        return true;
    }
}
