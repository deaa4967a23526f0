using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The one analyzer base: it hosts <see cref="LambdaRule"/>s and is what the driver sees. The driver charges for every
/// analyzer it runs and for every action an analyzer registers per type (registration structures, a call through its
/// exception guard per operation, block and end); measured on <c>bench/</c>, that charge was most of the package's cost
/// when each rule was its own analyzer. The host pays it once:
/// <list type="number">
/// <item>compilation start: reaches the compilation's one <see cref="LambdaCompilation"/>, and lets each rule that applies
/// (<see cref="LambdaRule.AppliesTo"/>) and is not switched off (<see cref="RuleSwitch"/>) register its actions; a
/// compilation without the Lambda or AWS types registers nothing at all;</item>
/// <item>per named type: one symbol start; for a type with no code of its own (<see cref="DeclaredCode"/>) nothing more;
/// otherwise the rules register their type actions; then one operation action (the union of
/// the kinds they asked for), one operation-block action (which also feeds the handler model once, for every path rule)
/// and one symbol end, each handing the rules what they asked for, in the order they registered;</item>
/// <item>one operation action and one compilation end for what the rules registered at compilation level.</item>
/// </list>
/// A rule that throws does not keep the other rules from running: the first exception is rethrown once they have, so the
/// driver still reports it (AD0001).
/// </summary>
public abstract class RuleHostAnalyzer : DiagnosticAnalyzer
{
    private protected RuleHostAnalyzer(params LambdaRule[] rules)
    {
        Rules = rules.ToImmutableArray();
        SupportedDiagnostics = rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToImmutableArray();
    }

    /// <summary>The rules this analyzer runs, in the order they receive each callback.</summary>
    internal ImmutableArray<LambdaRule> Rules { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; our findings are not filtered by the driver but by GeneratedCode (see there: the
        // driver's filter scans each file a finding lands in, token by token).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = LambdaCompilation.For(context.Compilation);
        var actions = new RuleActions();
        Exception? failure = null;
        foreach (var rule in Rules)
        {
            if (rule.AppliesTo(compilation.Symbols) && RuleSwitch.IsOn(rule, context.Compilation, context.CancellationToken))
            {
                Invoke(rule, static (start, c) => c.Rule.Start(start, c.Compilation), new RuleStart(actions, rule, context.Compilation, context.Options, context.CancellationToken), (Rule: rule, Compilation: compilation), ref failure);
            }
        }

        if (actions.TypeStarts.Count > 0 || actions.FeedsHandlerModel)
        {
            var model = actions.FeedsHandlerModel ? compilation.Handlers : null;
            context.RegisterSymbolStartAction(typeContext => OnTypeStart(typeContext, actions.TypeStarts, model), SymbolKind.NamedType);
        }

        if (actions.Operations.Count > 0)
        {
            var operations = actions.Operations.ToArray();
            context.RegisterOperationAction(c => Dispatch(operations, c), KindsOf(operations));
        }

        if (actions.AdditionalFiles.Count > 0)
        {
            var files = actions.AdditionalFiles.ToArray();
            context.RegisterAdditionalFileAction(c => Dispatch(files, c));
        }

        if (actions.CompilationEnds.Count > 0)
        {
            var ends = actions.CompilationEnds.ToArray();
            context.RegisterCompilationEndAction(c => Dispatch(ends, c));
        }

        Rethrow(failure);
    }

    private static void OnTypeStart(SymbolStartAnalysisContext context, List<RuleAction<TypeStart>> typeStarts, HandlerModel? model)
    {
        var type = (INamedTypeSymbol)context.Symbol;

        // An enum, an interface or a positional record without any code of its own: nothing any rule acts on (an enum's
        // values are integral constants), so no operation action, no block action and nothing to decide at its end.
        if (!DeclaredCode.MayHaveOperations(type, context.CancellationToken))
        {
            return;
        }

        var actions = new TypeActions();
        var start = new TypeStart(actions, type, context.Compilation, context.Options, context.CancellationToken);
        Exception? failure = null;
        foreach (var typeStart in typeStarts)
        {
            start.Rule = typeStart.Rule;
            Invoke(typeStart.Rule, static (s, a) => a(s), start, typeStart.Action, ref failure);
        }

        if (actions.Operations.Count > 0)
        {
            var operations = actions.Operations.ToArray();
            context.RegisterOperationAction(
                c =>
                {
                    if (SymbolEqualityComparer.Default.Equals(c.ContainingSymbol.ContainingType, type))
                    {
                        Dispatch(operations, c);
                    }
                },
                KindsOf(operations));
        }

        if (actions.Blocks.Count > 0 || model is not null)
        {
            var blocks = actions.Blocks.ToArray();

            // The bodies whole-type rules keep (acquired in their type starts): the model's walk records their value-origin index
            // too, in the set of the member's own type (a block action of an outer type also runs for a nested type's members).
            var keptBodies = model is null ? null : LambdaCompilation.For(context.Compilation).Bodies;
            context.RegisterOperationBlockAction(c =>
            {
                // The handler model keeps every body it is given once, whichever type's start delivered it. Its failure
                // does not keep the rules from their blocks (their type-end decisions need every body).
                Exception? failure = null;
                try
                {
                    model?.Feed(c, c.OwningSymbol.ContainingType is { } owner ? keptBodies?.Existing(owner) : null);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure = exception;
                }

                if (blocks.Length > 0 && SymbolEqualityComparer.Default.Equals(c.OwningSymbol.ContainingType, type))
                {
                    foreach (var block in blocks)
                    {
                        Invoke(block.Rule, static (b, a) => a(b), c, block.Action, ref failure);
                    }
                }

                Rethrow(failure);
            });
        }

        if (actions.Ends.Count > 0)
        {
            var ends = actions.Ends.ToArray();
            context.RegisterSymbolEndAction(c => Dispatch(ends, c));
        }

        Rethrow(failure);
    }

    /// <summary>
    /// The kinds the rules asked for, as the driver wants them. Types mostly get the same few unions, so each union is built
    /// once (keyed by its bits) instead of once per type.
    /// </summary>
    private static ImmutableArray<OperationKind> KindsOf(OperationRuleAction[] operations)
    {
        var bits = default(KindBits);
        foreach (var operation in operations)
        {
            foreach (var kind in operation.Kinds)
            {
                if ((int)kind is < 0 or >= 256)
                {
                    return operations.SelectMany(o => o.Kinds).Distinct().ToImmutableArray();
                }

                bits = bits.With(kind);
            }
        }

        return s_kindUnions.TryGetValue(bits, out var known)
            ? known
            : s_kindUnions.GetOrAdd(bits, operations.SelectMany(o => o.Kinds).Distinct().ToImmutableArray());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<KindBits, ImmutableArray<OperationKind>> s_kindUnions = new();

    /// <summary>A set of operation kinds below 256 (every <see cref="OperationKind"/> so far) as bits.</summary>
    private readonly struct KindBits : IEquatable<KindBits>
    {
        private readonly ulong _b0;
        private readonly ulong _b1;
        private readonly ulong _b2;
        private readonly ulong _b3;

        private KindBits(ulong b0, ulong b1, ulong b2, ulong b3)
        {
            _b0 = b0;
            _b1 = b1;
            _b2 = b2;
            _b3 = b3;
        }

        public KindBits With(OperationKind kind)
        {
            var value = (int)kind;
            var bit = 1UL << (value & 63);
            return (value >> 6) switch
            {
                0 => new KindBits(_b0 | bit, _b1, _b2, _b3),
                1 => new KindBits(_b0, _b1 | bit, _b2, _b3),
                2 => new KindBits(_b0, _b1, _b2 | bit, _b3),
                _ => new KindBits(_b0, _b1, _b2, _b3 | bit),
            };
        }

        public bool Equals(KindBits other) => _b0 == other._b0 && _b1 == other._b1 && _b2 == other._b2 && _b3 == other._b3;

        public override bool Equals(object? obj) => obj is KindBits other && Equals(other);

        public override int GetHashCode() => (_b0 ^ (_b1 * 31) ^ (_b2 * 961) ^ (_b3 * 29791)).GetHashCode();
    }

    private static void Dispatch(OperationRuleAction[] operations, OperationAnalysisContext context)
    {
        var kind = context.Operation.Kind;
        Exception? failure = null;
        foreach (var operation in operations)
        {
            if (operation.Wants(kind))
            {
                Invoke(operation.Rule, static (c, a) => a(c), context, operation.Action, ref failure);
            }
        }

        Rethrow(failure);
    }

    private static void Dispatch<T>(RuleAction<T>[] actions, T context)
    {
        Exception? failure = null;
        foreach (var action in actions)
        {
            Invoke(action.Rule, static (c, a) => a(c), context, action.Action, ref failure);
        }

        Rethrow(failure);
    }

    /// <summary>Runs one rule's callback; an exception other than cancellation is kept for <see cref="Rethrow"/>.</summary>
    private static void Invoke<T, TState>(LambdaRule rule, Action<T, TState> action, T argument, TState state, ref Exception? failure)
    {
        try
        {
            if (EngineMeter.Enabled)
            {
                EngineMeter.Charge(rule.Cost, action, argument, state);
            }
            else
            {
                action(argument, state);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure ??= exception;
        }
    }

    private static void Rethrow(Exception? failure)
    {
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}

/// <summary>
/// Whether a rule is switched off for the whole compilation (every descriptor <c>none</c> in every file, through
/// <c>/nowarn</c>, a ruleset, a global config or the files' <c>.editorconfig</c>), so the host does not run it: the driver
/// only skips an analyzer whose every diagnostic is off, and the host reports all of the package's IDs. Category lines
/// (<c>dotnet_analyzer_diagnostic.category-*</c>) are not read here: such a rule still runs and the driver drops its
/// diagnostics.
/// </summary>
internal static class RuleSwitch
{
    public static bool IsOn(LambdaRule rule, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (IsOn(descriptor, compilation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// On when some file gets a severity other than <c>none</c>: its own <c>.editorconfig</c> value, else the compilation's
    /// (<c>/nowarn</c>, a ruleset, a global config), else the descriptor's default. Most projects set nothing, so the first
    /// file answers.
    /// </summary>
    private static bool IsOn(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        var trees = options.SyntaxTreeOptionsProvider;

        // `/warnaserror:ID`, a ruleset's Warning or Error: the compiler reads the files' options only without such a setting.
        if (options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var compilationLevel)
            && compilationLevel is not (ReportDiagnostic.Default or ReportDiagnostic.Suppress))
        {
            return true;
        }

        var fallback = options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific) ? specific
            : trees is not null && trees.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global) ? global
            : descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
        if (trees is null)
        {
            return fallback != ReportDiagnostic.Suppress;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var severity = trees.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var perFile) ? perFile : fallback;
            if (severity != ReportDiagnostic.Suppress)
            {
                return true;
            }
        }

        return false;
    }
}
