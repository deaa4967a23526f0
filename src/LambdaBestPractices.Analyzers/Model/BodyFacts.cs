using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// What the rules and the value trackers ask of one member body, collected in one walk the first time any of them asks
/// (<see cref="Of"/>), and read by every later question from any rule: the writes and references of each local, and the
/// body's operations of the kinds the questions look at (<see cref="OfKind"/>), each list in the walk's order. The handler
/// model's <see cref="MemberWalker"/> walks every body once for the call graph; this second, lazy walk runs only for the
/// bodies a rule has a question about (a candidate call, a secret read), once for all of them, instead of once per
/// question: the value trackers (<see cref="ValueOrigins"/>, <see cref="ConstantStrings"/>), the request readers
/// (<see cref="ObjectMembers"/>, LBP204's invoke request), LBP101's lazy-init test, LBP201's key guards, LBP202's
/// items and LBP301's flow facts.
/// <para>
/// A local's writes: the value of each simple write (a declaration's initializer, an assignment), and <c>null</c> for a write
/// no rule follows (compound, <c>??=</c>, increment, <c>ref</c>/<c>out</c>, deconstruction, a <c>foreach</c> or <c>using</c>
/// variable), so "a local written once" means the same thing in every rule.
/// </para>
/// </summary>
internal sealed class BodyFacts
{
    // Keyed by the body's root operation: every rule of the host is handed the same operation tree of a body, so the first
    // question about it collects the body and every later one, from any rule, reads the result.
    private static readonly ConditionalWeakTable<IOperation, BodyFacts> ByRoot = new();
    private static readonly ConditionalWeakTable<IOperation, BodyFacts>.CreateValueCallback CollectMeasured = root =>
    {
        using var engine = EngineMeter.Measure(EngineStep.BodyFacts);
        return Collect(root);
    };

    /// <summary>The kinds <see cref="OfKind"/> answers for; a question about another kind is a bug in the asking code.</summary>
    private static readonly OperationKind[] Kept =
    {
        OperationKind.Invocation,
        OperationKind.SimpleAssignment,
        OperationKind.CompoundAssignment,
        OperationKind.CoalesceAssignment,
        OperationKind.VariableDeclarator,
        OperationKind.FieldInitializer,
        OperationKind.PropertyInitializer,
        OperationKind.FieldReference,
        OperationKind.Conditional,
        OperationKind.Binary,
        OperationKind.IsPattern,
        OperationKind.Coalesce,
    };

    private static readonly int[] SlotByKind = IndexKept();

    private const int MaxSteps = 12;

    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> _references = new(SymbolEqualityComparer.Default);
    private readonly List<IOperation>?[] _byKind = new List<IOperation>?[Kept.Length];
    private readonly List<IOperation> _kept = new();
    private HashSet<IParameterSymbol>? _writtenParameters;

    private BodyFacts()
    {
    }

    /// <summary>The facts of the body holding <paramref name="anyOperationInBody"/>, collected the first time any rule asks.</summary>
    public static BodyFacts Of(IOperation anyOperationInBody) => ByRoot.GetValue(anyOperationInBody.Root(), CollectMeasured);

    /// <summary>Collects the body that <paramref name="root"/> is the root of (see <c>OperationExtensions.Root</c>).</summary>
    private static BodyFacts Collect(IOperation root)
    {
        var result = new BodyFacts();
        OperationWalk.PreOrder(root, result, static (facts, operation) => facts.Visit(operation));
        return result;
    }

    // Dispatch on OperationKind, not on interface type tests: this runs for every operation of every body a rule asks about.
    private void Visit(IOperation operation)
    {
        var kind = operation.Kind;
        var slot = SlotOf(kind);
        if (slot >= 0)
        {
            (_byKind[slot] ??= new List<IOperation>()).Add(operation);
            _kept.Add(operation);
        }

        switch (kind)
        {
            case OperationKind.VariableDeclarator:
                var declarator = (IVariableDeclaratorOperation)operation;
                if (declarator.GetVariableInitializer() is { } initializer)
                {
                    AddWrite(declarator.Symbol, initializer.Value);
                }
                else if (declarator.Parent?.Parent is IForEachLoopOperation or IUsingOperation)
                {
                    AddWrite(declarator.Symbol, null);
                }

                break;
            case OperationKind.LocalReference:
                var local = (ILocalReferenceOperation)operation;
                Add(_references, local.Local, local);
                if (IsWrite(local, out var value))
                {
                    AddWrite(local.Local, value);
                }

                break;
            case OperationKind.ParameterReference:
                var parameter = (IParameterReferenceOperation)operation;
                if (IsWrite(parameter, out _))
                {
                    (_writtenParameters ??= new(SymbolEqualityComparer.Default)).Add(parameter.Parameter);
                }

                break;
        }
    }

    /// <summary>The index of <paramref name="kind"/> in <see cref="Kept"/>, or -1: one table read per operation.</summary>
    private static int SlotOf(OperationKind kind)
    {
        var index = (int)kind;
        return (uint)index < (uint)SlotByKind.Length ? SlotByKind[index] : -1;
    }

    private static int[] IndexKept()
    {
        var max = 0;
        foreach (var kind in Kept)
        {
            max = Math.Max(max, (int)kind);
        }

        var slots = new int[max + 1];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = -1;
        }

        for (var i = 0; i < Kept.Length; i++)
        {
            slots[(int)Kept[i]] = i;
        }

        return slots;
    }

    /// <summary>The body's operations of <paramref name="kind"/> (one of the kinds the walk keeps), in the walk's order.</summary>
    public IReadOnlyList<IOperation> OfKind(OperationKind kind)
    {
        var slot = SlotOf(kind);
        if (slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "BodyFacts does not keep this kind of operation.");
        }

        return (IReadOnlyList<IOperation>?)_byKind[slot] ?? Array.Empty<IOperation>();
    }

    /// <summary>The body's operations of every kind the walk keeps, in the walk's order (for a question about several kinds).</summary>
    public IReadOnlyList<IOperation> KeptOperations => _kept;

    /// <summary>Whether the body writes <paramref name="parameter"/> (assigns it, or passes it by <c>ref</c>/<c>out</c>).</summary>
    public bool Writes(IParameterSymbol parameter) => _writtenParameters?.Contains(parameter) == true;

    /// <summary>Every reference to <paramref name="local"/> in the body (reads and writes), in the walk's order.</summary>
    public IReadOnlyList<ILocalReferenceOperation> References(ILocalSymbol local) =>
        _references.TryGetValue(local, out var references) ? references : Array.Empty<ILocalReferenceOperation>();

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

    private void AddWrite(ILocalSymbol local, IOperation? value) => Add(_writes, local, value);

    private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local, T value)
    {
        if (!map.TryGetValue(local, out var list))
        {
            list = new List<T>(1);
            map.Add(local, list);
        }

        list.Add(value);
    }
}
