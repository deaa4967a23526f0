using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// One rule of the package: its descriptors, the compilations it applies to, and the actions it registers. A rule is not a
/// <see cref="DiagnosticAnalyzer"/> of its own: the package ships one analyzer, <see cref="LambdaBestPracticesAnalyzer"/>,
/// whose <see cref="RuleHostAnalyzer"/> registers one action of each kind with the driver and hands every rule its
/// operations, blocks and ends (the driver's cost per analyzer and per type is paid once, not once per rule). The path
/// rules derive through <see cref="PathRule"/>.
/// </summary>
public abstract class LambdaRule
{
    private Internals.EngineMeter.RuleCost? _cost;

    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The benchmark's record of this rule's own cost (<see cref="Internals.EngineMeter"/>; only used while it is on).</summary>
    internal Internals.EngineMeter.RuleCost Cost => _cost ??= Internals.EngineMeter.CostOf(SupportedDiagnostics[0].Id);

    /// <summary>Whether the rule can report anything in a compilation with these symbols; false registers nothing.</summary>
    internal abstract bool AppliesTo(LambdaSymbols symbols);

    /// <summary>Registers the rule's actions for a compilation it applies to.</summary>
    internal abstract void Start(RuleStart context, LambdaCompilation compilation);
}

/// <summary>What every registration context gives a rule: the compilation, its options and the cancellation token.</summary>
public abstract class RuleContext
{
    private protected RuleContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Options = options;
        CancellationToken = cancellationToken;
    }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }
}

/// <summary>What a rule registers at compilation start (the host registers each kind once with the driver).</summary>
public sealed class RuleStart : RuleContext
{
    private readonly RuleActions _actions;
    private readonly LambdaRule _rule;

    internal RuleStart(RuleActions actions, LambdaRule rule, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        : base(compilation, options, cancellationToken)
    {
        _actions = actions;
        _rule = rule;
    }

    /// <summary>Per named type (nested types included), before any of its operations: the rule registers its type actions.</summary>
    internal void RegisterTypeStartAction(Action<TypeStart> action) => _actions.TypeStarts.Add(new RuleAction<TypeStart>(_rule, action));

    /// <summary>Every operation of <paramref name="kinds"/> in the compilation.</summary>
    internal void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        _actions.Operations.Add(new OperationRuleAction(_rule, action, kinds));

    internal void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _actions.CompilationEnds.Add(new RuleAction<CompilationAnalysisContext>(_rule, action));

    /// <summary>
    /// Each of the deployment files that the compilation's deployment model holds (<see cref="Deployment.DeploymentModel"/>):
    /// findings in a template are reported at its file and line. Registered only where there is such a file.
    /// </summary>
    internal void RegisterDeploymentFileAction(LambdaCompilation compilation, Action<AdditionalFileAnalysisContext, Deployment.DeploymentModel, Deployment.DeploymentFile> action)
    {
        var deployment = compilation.Deployment(Options, CancellationToken);
        if (deployment.IsEmpty || compilation.Settings(Options.AnalyzerConfigOptionsProvider).ProjectIsTest)
        {
            return;
        }

        _actions.AdditionalFiles.Add(new RuleAction<AdditionalFileAnalysisContext>(_rule, c =>
        {
            if (deployment.FileFor(c.AdditionalFile) is { } file)
            {
                action(c, deployment, file);
            }
        }));
    }

    /// <summary>The path rules need the handler model fed with every member body; the host feeds it once for all of them.</summary>
    internal void FeedHandlerModel() => _actions.FeedsHandlerModel = true;
}

/// <summary>
/// What a rule registers for one named type. Operations and blocks reach the rule only when they belong to a member of this
/// type itself (a nested type has its own start), so a rule never tests that again.
/// </summary>
public sealed class TypeStart : RuleContext
{
    private readonly TypeActions _actions;
    private LambdaRule? _rule;

    internal TypeStart(TypeActions actions, INamedTypeSymbol type, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        : base(compilation, options, cancellationToken)
    {
        Type = type;
        _actions = actions;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The rule whose type-start action runs now (the host sets it before each).</summary>
    internal LambdaRule Rule { set => _rule = value; }

    internal void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        _actions.Operations.Add(new OperationRuleAction(_rule!, action, kinds));

    /// <summary>One kind: registered per type by most rules, so the kind's array is shared rather than allocated each time.</summary>
    internal void RegisterOperationAction(Action<OperationAnalysisContext> action, OperationKind kind) =>
        _actions.Operations.Add(new OperationRuleAction(_rule!, action, OperationRuleAction.Single(kind)));

    internal void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
        _actions.Blocks.Add(new RuleAction<OperationBlockAnalysisContext>(_rule!, action));

    /// <summary>After every operation and block of the type (and of its nested types) was analyzed.</summary>
    internal void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) =>
        _actions.Ends.Add(new RuleAction<SymbolAnalysisContext>(_rule!, action));
}

/// <summary>One registered callback and the rule it belongs to (for the benchmark's per-rule figures).</summary>
internal readonly struct RuleAction<T>
{
    public RuleAction(LambdaRule rule, Action<T> action)
    {
        Rule = rule;
        Action = action;
    }

    public LambdaRule Rule { get; }

    public Action<T> Action { get; }
}

/// <summary>An operation callback, with the kinds it asked for.</summary>
internal readonly struct OperationRuleAction
{
    public OperationRuleAction(LambdaRule rule, Action<OperationAnalysisContext> action, OperationKind[] kinds)
    {
        Rule = rule;
        Action = action;
        Kinds = kinds;
    }

    public LambdaRule Rule { get; }

    public Action<OperationAnalysisContext> Action { get; }

    public OperationKind[] Kinds { get; }

    public bool Wants(OperationKind kind) => Array.IndexOf(Kinds, kind) >= 0;

    private static readonly OperationKind[]?[] s_single = new OperationKind[]?[256];

    /// <summary>The shared one-element array of <paramref name="kind"/> (callers never write to it).</summary>
    public static OperationKind[] Single(OperationKind kind)
    {
        var index = (int)kind;
        return index is >= 0 and < 256 ? s_single[index] ??= new[] { kind } : new[] { kind };
    }
}

/// <summary>Everything the rules registered at compilation start.</summary>
internal sealed class RuleActions
{
    public List<RuleAction<TypeStart>> TypeStarts { get; } = new();

    public List<OperationRuleAction> Operations { get; } = new();

    public List<RuleAction<CompilationAnalysisContext>> CompilationEnds { get; } = new();

    public List<RuleAction<AdditionalFileAnalysisContext>> AdditionalFiles { get; } = new();

    public bool FeedsHandlerModel { get; set; }
}

/// <summary>Everything the rules registered for one type; most types get a few entries or none.</summary>
internal sealed class TypeActions
{
    public List<OperationRuleAction> Operations { get; } = new();

    public List<RuleAction<OperationBlockAnalysisContext>> Blocks { get; } = new();

    public List<RuleAction<SymbolAnalysisContext>> Ends { get; } = new();
}
