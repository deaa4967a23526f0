using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The writes of every local of one member body, collected in one pass: the value of each simple write (a declaration's
/// initializer, an assignment), and <c>null</c> for a write no rule follows (compound, <c>??=</c>, increment,
/// <c>ref</c>/<c>out</c>, deconstruction, a <c>foreach</c> or <c>using</c> variable). Shared by the value trackers
/// (<see cref="ValueOrigins"/>, <see cref="ConstantStrings"/>) and LBP204's request lookup, so "a local written once"
/// means the same thing in every rule, and each body is collected once for all of them (<see cref="Of"/>).
/// </summary>
internal sealed class LocalWrites
{
    // Keyed by the body's root operation: every rule of the host is handed the same operation tree of a body, so the first
    // question about one of its locals collects the body and every later one, from any rule, reads the result.
    private static readonly ConditionalWeakTable<IOperation, LocalWrites> ByRoot = new();
    private static readonly ConditionalWeakTable<IOperation, LocalWrites>.CreateValueCallback CollectMeasured = root =>
    {
        using var engine = EngineMeter.Measure();
        return Collect(root);
    };

    private const int MaxSteps = 12;

    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);

    private LocalWrites()
    {
    }

    /// <summary>The writes of the body holding <paramref name="anyOperationInBody"/>, collected the first time any rule asks.</summary>
    public static LocalWrites Of(IOperation anyOperationInBody) => ByRoot.GetValue(anyOperationInBody.Root(), CollectMeasured);

    /// <summary>Collects the writes of the body that <paramref name="root"/> is the root of (see <c>OperationExtensions.Root</c>).</summary>
    private static LocalWrites Collect(IOperation root)
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

    /// <summary>The one value written to the local <paramref name="reference"/> reads, in its body (see <see cref="SingleValue"/>).</summary>
    public static IOperation? SingleValueOf(ILocalReferenceOperation reference) => Of(reference).SingleValue(reference.Local);

    /// <summary>A local's single written value, an awaited operand: what an expression really is.</summary>
    public static IOperation ResolveThroughLocals(IOperation operation)
    {
        for (var i = 0; i < MaxSteps; i++)
        {
            operation = operation.WalkDownConversion();
            switch (operation)
            {
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case ILocalReferenceOperation local when SingleValueOf(local) is { } written:
                    operation = written;
                    continue;
                default:
                    return operation;
            }
        }

        return operation;
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
