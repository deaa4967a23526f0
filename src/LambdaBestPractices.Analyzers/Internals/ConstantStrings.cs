using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>String values that are fixed in the source: what the security rules mean by "a constant".</summary>
internal static class ConstantStrings
{
    /// <summary>
    /// The string value of <paramref name="operation"/> when it is fixed in the source: a literal, a <c>const</c>, a constant
    /// interpolation or concatenation, or a <c>static readonly</c> string field initialized with a literal in this
    /// compilation. Null (the literal <c>null</c>) is not a string value.
    /// </summary>
    public static bool TryGet(IOperation? operation, out string value, CancellationToken cancellationToken = default)
    {
        value = string.Empty;
        if (operation is null)
        {
            return false;
        }

        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            value = constant;
            return true;
        }

        if (operation is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } field }
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax
            {
                Initializer.Value: LiteralExpressionSyntax literal,
            }
            && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            value = literal.Token.ValueText;
            return true;
        }

        return false;
    }

    /// <summary>A fixed, non-empty string value (see <see cref="TryGet"/>).</summary>
    public static bool IsNonEmpty(IOperation? operation, CancellationToken cancellationToken = default) =>
        TryGet(operation, out var value, cancellationToken) && value.Length > 0;
}
