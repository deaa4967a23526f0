using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Internals;

internal static class OperationExtensions
{
    /// <summary>Skips implicit and explicit conversions and parentheses.</summary>
    public static IOperation WalkDownConversion(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Walks up from an operation past conversions and parentheses.</summary>
    public static IOperation? WalkUpConversion(this IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>
    /// The value passed to parameter <paramref name="ordinal"/> of <paramref name="invocation"/>, whatever the argument order
    /// (named arguments); for an extension method, ordinal 0 is the receiver (<c>_cache</c> in <c>_cache.GetOrCreate(...)</c>).
    /// </summary>
    public static IOperation? ArgumentFor(this IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to: its member body (or initializer).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// The call-graph node that contains <paramref name="operation"/>: its innermost lambda or local function,
    /// otherwise the member that owns the operation block.
    /// </summary>
    public static FunctionKey ContainingFunction(this IOperation operation, ISymbol owningSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return FunctionKey.ForLambda(lambda.Syntax);
                case ILocalFunctionOperation localFunction:
                    return FunctionKey.ForSymbol(localFunction.Symbol);
            }
        }

        return FunctionKey.ForSymbol(owningSymbol.NormalizeMember());
    }
}
