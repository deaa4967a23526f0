using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP206: with SnapStart, a value meant to be unique (<see cref="UniqueValues"/>) made once at init, stored in a field of
/// the type, and read on a handler's invocation path: every execution environment restored from the snapshot shares it.
/// A compilation uses SnapStart when its code calls <c>SnapshotRestore.RegisterBeforeSnapshot</c> or
/// <c>RegisterAfterRestore</c>, or when <c>lambda_best_practices.snapstart = true</c> says so (<c>false</c> turns the rule
/// off). Silent for a field assigned again in a <c>RegisterAfterRestore</c> callback, and for values made per invocation
/// (<c>Random.Shared</c>, <c>Guid.NewGuid()</c> in the handler). The init store is reported, once, whichever read reaches it.
/// </summary>
public sealed class LBP206DontMakeUniqueValuesAtInitRule : PathRule
{
    private static readonly WordSet UniqueWords = WordSet.Of("NewGuid", "CreateVersion7", "Random", "Now", "TickCount", "GetTimestamp");
    private static readonly WordSet HookWords = WordSet.Of("SnapshotRestore");

    private static readonly ConditionalWeakTable<LambdaCompilation, SnapStartState> s_states = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP206_DontMakeUniqueValuesAtInit, Descriptors.LBP206_DontMakeUniqueValuesAtInit_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP206_DontMakeUniqueValuesAtInit;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP206_DontMakeUniqueValuesAtInit_CrossType;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var compilation = LambdaCompilation.For(symbols.Compilation);
        // The option wins; without it, a deployment file of the project that turns SnapStart on says so.
        var state = s_states.GetValue(compilation, _ => new SnapStartState(
            context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryReadBool(OptionKeys.SnapStart, out var option) ? option
            : compilation.Deployment(context.Options, context.CancellationToken).SnapStart ? true
            : null));
        if (state.Option == false)
        {
            return false;
        }

        var type = context.Type;
        var typeHooks = new HookFlag();
        if (!symbols.SnapshotRestore.IsEmpty && compilation.Prefilter.Mentions(type, HookWords, context.CancellationToken))
        {
            context.RegisterOperationAction(c => OnHookCall((IInvocationOperation)c.Operation, symbols, state, typeHooks), OperationKind.Invocation);
        }

        if (!compilation.Prefilter.Mentions(type, UniqueWords, context.CancellationToken))
        {
            return false;
        }

        var blocks = new List<(ISymbol Owner, IOperation Block)>();
        context.RegisterOperationBlockAction(c =>
        {
            lock (blocks)
            {
                foreach (var block in c.OperationBlocks)
                {
                    blocks.Add((c.OwningSymbol, block));
                }
            }
        });
        sites.DecideAtTypeEnd(cancellationToken => Decide(type, blocks, symbols, state, typeHooks, sites, cancellationToken));
        return true;
    }

    /// <summary><c>SnapshotRestore.RegisterBeforeSnapshot/RegisterAfterRestore</c>: SnapStart is on; fields assigned in an after-restore callback are regenerated.</summary>
    private static void OnHookCall(IInvocationOperation invocation, LambdaSymbols symbols, SnapStartState state, HookFlag typeHooks)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("RegisterBeforeSnapshot" or "RegisterAfterRestore") || !LambdaSymbols.Contains(symbols.SnapshotRestore, method.ContainingType))
        {
            return;
        }

        state.UsesHooks.Set();
        typeHooks.Set();
        if (method.Name != "RegisterAfterRestore" || invocation.Arguments.Length == 0)
        {
            return;
        }

        var callback = invocation.Arguments[0].Value.Syntax.Span;
        foreach (var assignment in BodyFacts.Of(invocation).OfKind(OperationKind.SimpleAssignment))
        {
            if (callback.Contains(assignment.Syntax.Span) && ((ISimpleAssignmentOperation)assignment).Target.WalkDownConversion() is IFieldReferenceOperation field)
            {
                state.Regenerated.TryAdd(field.Field.OriginalDefinition, 0);
            }
        }
    }

    /// <summary>
    /// At the type's end: the type's fields given a unique value by an initializer or a constructor (not in a lambda), then
    /// every read of one outside those stores, as a site at the store with the reading function (one diagnostic per store).
    /// </summary>
    private static void Decide(INamedTypeSymbol type, List<(ISymbol Owner, IOperation Block)> blocks, LambdaSymbols symbols, SnapStartState state, HookFlag typeHooks, TypeSites sites, CancellationToken cancellationToken)
    {
        Dictionary<IFieldSymbol, Candidate>? candidates = null;
        foreach (var (owner, block) in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (owner)
            {
                case IFieldSymbol:
                    foreach (var operation in BodyFacts.Of(block).OfKind(OperationKind.FieldInitializer))
                    {
                        var initializer = (IFieldInitializerOperation)operation;
                        foreach (var field in initializer.InitializedFields)
                        {
                            AddCandidate(ref candidates, type, field, initializer.Value, FunctionKey.ForSymbol(field.NormalizeMember()), symbols);
                        }
                    }

                    break;
                case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor:
                    foreach (var operation in BodyFacts.Of(block).OfKind(OperationKind.SimpleAssignment))
                    {
                        var assignment = (ISimpleAssignmentOperation)operation;
                        if (assignment.Target.WalkDownConversion() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } target
                            && assignment.ContainingFunction(constructor).Equals(FunctionKey.ForSymbol(constructor.NormalizeMember())))
                        {
                            AddCandidate(ref candidates, type, target.Field, assignment.Value, FunctionKey.ForSymbol(constructor.NormalizeMember()), symbols);
                        }
                    }

                    break;
            }
        }

        if (candidates is null)
        {
            return;
        }

        foreach (var (owner, block) in blocks)
        {
            foreach (var operation in BodyFacts.Of(block).OfKind(OperationKind.FieldReference))
            {
                var reference = (IFieldReferenceOperation)operation;
                if (candidates.TryGetValue(reference.Field.OriginalDefinition, out var candidate) && !BodyFacts.IsWrite(reference, out _))
                {
                    sites.Add(new SnapStartSite(reference.ContainingFunction(owner), candidate, state, typeHooks));
                }
            }
        }
    }

    private static void AddCandidate(ref Dictionary<IFieldSymbol, Candidate>? candidates, INamedTypeSymbol type, IFieldSymbol field, IOperation value, FunctionKey store, LambdaSymbols symbols)
    {
        if (!SymbolEqualityComparer.Default.Equals(field.ContainingType?.OriginalDefinition, type) || field.IsConst || UniqueValues.MadeBy(value, symbols) is not { } madeBy)
        {
            return;
        }

        (candidates ??= new(SymbolEqualityComparer.Default))[field.OriginalDefinition] =
            new Candidate(field.OriginalDefinition, madeBy, value.Syntax.GetLocation(), store, field.IsStatic);
    }

    /// <summary>Live, at the type's end: when the type itself registers a hook or the option says SnapStart, and the store is static.</summary>
    private protected override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, EventSources sources) =>
        site is SnapStartSite snap && sources != EventSources.None && snap.Candidate.IsStatic && (snap.State.Option == true || snap.TypeHooks.IsSet)
            ? snap.Report(descriptor)
            : null;

    /// <summary>At compilation end: when any code registers a hook (or the option), and no handler reaches the store itself.</summary>
    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach) =>
        site is SnapStartSite snap
            && (snap.State.Option == true || snap.State.UsesHooks.IsSet)
            && reach.SourcesReaching(site.Function) != EventSources.None
            && reach.SourcesReaching(snap.Candidate.Store) == EventSources.None
            ? snap.Report(descriptor)
            : null;

    /// <summary>A field given a unique value at init: by what, where, and the initializer or constructor that stores it.</summary>
    private sealed class Candidate
    {
        public Candidate(IFieldSymbol field, string madeBy, Location location, FunctionKey store, bool isStatic)
        {
            Field = field;
            MadeBy = madeBy;
            Location = location;
            Store = store;
            IsStatic = isStatic;
        }

        public IFieldSymbol Field { get; }

        public string MadeBy { get; }

        public Location Location { get; }

        public FunctionKey Store { get; }

        public bool IsStatic { get; }
    }

    /// <summary>One read of a candidate's field: reported at the store, once per store.</summary>
    private sealed class SnapStartSite : RuleSite
    {
        public SnapStartSite(FunctionKey reader, Candidate candidate, SnapStartState state, HookFlag typeHooks)
            : base(reader, candidate.Location)
        {
            Candidate = candidate;
            State = state;
            TypeHooks = typeHooks;
        }

        public Candidate Candidate { get; }

        public SnapStartState State { get; }

        public HookFlag TypeHooks { get; }

        public Diagnostic? Report(DiagnosticDescriptor descriptor) =>
            !State.Regenerated.ContainsKey(Candidate.Field) && State.Reported.TryAdd(Candidate.Location, 0)
                ? Diagnostic.Create(descriptor, Candidate.Location, Candidate.Field.Name, Candidate.MadeBy)
                : null;

        // The rule decides (CreateDiagnostic and CreateCrossTypeDiagnostic above).
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources) => null;
    }

    /// <summary>Per compilation: the option, whether any code registers a SnapStart hook, the regenerated fields, the stores reported.</summary>
    private sealed class SnapStartState
    {
        public SnapStartState(bool? option) => Option = option;

        public bool? Option { get; }

        /// <summary>Whether any code of the compilation registers a SnapStart hook.</summary>
        public HookFlag UsesHooks { get; } = new();

        public ConcurrentDictionary<IFieldSymbol, byte> Regenerated { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<Location, byte> Reported { get; } = new();
    }

    /// <summary>Whether a SnapStart hook was registered (by the compilation, or by one type: its reads can then be reported live).</summary>
    private sealed class HookFlag
    {
        private int _set;

        public bool IsSet => Volatile.Read(ref _set) != 0;

        public void Set() => Volatile.Write(ref _set, 1);
    }
}
