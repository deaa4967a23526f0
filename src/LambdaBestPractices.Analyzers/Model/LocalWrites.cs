using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The writes of every local of one member body, collected in one pass: the value of each simple write (a declaration's
/// initializer, an assignment), and <c>null</c> for a write no rule follows (compound, <c>??=</c>, increment,
/// <c>ref</c>/<c>out</c>, deconstruction, a <c>foreach</c> or <c>using</c> variable). Shared by the value trackers
/// (<see cref="ValueOrigins"/>, <see cref="ConstantOrigins"/>) and LBP204's request lookup, so "a local written once"
/// means the same thing in every rule.
/// </summary>
internal sealed class LocalWrites
{
    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);

    private LocalWrites()
    {
    }

    /// <summary>Collects the writes of the body that <paramref name="root"/> is the root of (see <c>OperationExtensions.Root</c>).</summary>
    public static LocalWrites Collect(IOperation root)
    {
        var result = new LocalWrites();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        result.Add(declarator.Symbol, initializer.Value);
                    }
                    else if (declarator.Parent?.Parent is IForEachLoopOperation or IUsingOperation)
                    {
                        result.Add(declarator.Symbol, null);
                    }

                    break;
                case ILocalReferenceOperation local when IsWrite(local, out var value):
                    result.Add(local.Local, value);
                    break;
            }
        }

        return result;
    }

    /// <summary>The one value written to <paramref name="local"/>, or null when it is written more than once or in a way not followed.</summary>
    public IOperation? SingleValue(ILocalSymbol local) =>
        _writes.TryGetValue(local, out var writes) && writes.Count == 1 ? writes[0] : null;

    /// <summary>
    /// Whether <paramref name="reference"/> (a local, field or property reference) is written: a simple assignment gives its
    /// value; any other write gives <c>null</c>, which makes the variable unknown to the trackers.
    /// </summary>
    public static bool IsWrite(IOperation reference, out IOperation? value)
    {
        value = null;
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                value = assignment.Value;
                return true;
            case ICompoundAssignmentOperation compound when compound.Target == reference:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
            case IIncrementOrDecrementOperation:
            case IDeclarationExpressionOperation:
            case ITupleOperation:
                return true;
            case IArgumentOperation argument:
                return argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;
            default:
                return false;
        }
    }

    private void Add(ILocalSymbol local, IOperation? value)
    {
        if (!_writes.TryGetValue(local, out var list))
        {
            list = new List<IOperation?>(1);
            _writes.Add(local, list);
        }

        list.Add(value);
    }
}
