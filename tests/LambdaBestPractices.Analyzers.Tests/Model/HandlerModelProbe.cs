using System;
using System.Collections.Immutable;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

// A test double, not a shipped analyzer: no release tracking, and the test project is not an analyzer project.
#pragma warning disable RS1036, RS2008

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// A test-only rule over the shared handler model: it reports every call to <c>Probe.Here()</c> that runs on a handler's
/// invocation path, with the event sources that reach it. Tests of the model read like tests of a rule.
/// </summary>
public sealed class HandlerModelProbe : PathRule
{
    public static readonly DiagnosticDescriptor Reached = new(
        "PROBE01", "Reached", "Reached from {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReachedAcrossTypes = new(
        "PROBE01", "Reached", "Reached from {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Reached, ReachedAcrossTypes);

    private protected override DiagnosticDescriptor LiveDescriptor => Reached;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => ReachedAcrossTypes;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.TargetMethod.Name == "Here" && invocation.TargetMethod.ContainingType?.Name == "Probe")
                {
                    sites.Add(new PathSite(invocation.ContainingFunction(c.ContainingSymbol), invocation.Syntax.GetLocation(), ImmutableArray<object?>.Empty));
                }
            },
            OperationKind.Invocation);
        return true;
    }

    private protected override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, EventSources sources) =>
        sources == EventSources.None ? null : Diagnostic.Create(descriptor, site.Location, sources.ToString());
}
