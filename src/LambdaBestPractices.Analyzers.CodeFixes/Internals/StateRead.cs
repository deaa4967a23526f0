using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>What an expression a fix moves out of its function reads of where it stands (LBP101's client, LBP102's fetch).</summary>
internal enum StateRead
{
    /// <summary>Nothing of the function or the instance: static members, constants and new objects only.</summary>
    None,

    /// <summary><c>this</c>, written or implied (not the receiver an object initializer implies).</summary>
    InstanceState,

    /// <summary>A local or parameter declared outside it, an <c>await</c>, a local function, or code that does not bind.</summary>
    LocalState,
}

internal static class StateReads
{
    /// <summary>
    /// What <paramref name="operation"/> (the operation of <paramref name="syntax"/>) reads: <see cref="StateRead.LocalState"/>
    /// wins over <see cref="StateRead.InstanceState"/>. Locals and parameters declared inside it (a lambda's) are its own;
    /// those <paramref name="isAvailableBefore"/> accepts are available where the expression goes.
    /// </summary>
    public static StateRead Of(IOperation operation, SyntaxNode syntax, Func<ISymbol, bool>? isAvailableBefore = null)
    {
        var result = StateRead.None;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case ILocalReferenceOperation local when isAvailableBefore?.Invoke(local.Local) == true:
                    break;
                case IParameterReferenceOperation parameter when isAvailableBefore?.Invoke(parameter.Parameter) == true:
                    break;
                case ILocalReferenceOperation local when !DeclaredWithin(local.Local, syntax):
                case IParameterReferenceOperation parameter when !DeclaredWithin(parameter.Parameter, syntax):
                case IAwaitOperation:
                case IInvalidOperation:
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }:
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction }:
                    return StateRead.LocalState;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    result = StateRead.InstanceState;
                    break;
            }
        }

        return result;
    }

    private static bool DeclaredWithin(ISymbol symbol, SyntaxNode node) =>
        symbol.DeclaringSyntaxReferences.Any(r => node.Span.Contains(r.Span));
}
