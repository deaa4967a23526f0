using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP204: a Lambda invoke on a handler's invocation path that waits for the other function (<c>InvocationType</c>
/// RequestResponse, or unset). Silent when the request is not visible in the member (parameter, field, local written twice
/// or handed to other code), for Event and DryRun, for a non-constant invocation type, for the streaming and deprecated
/// asynchronous invoke APIs, and for self-invocation (LBP201's).
/// </summary>
public sealed class LBP204DontInvokeSynchronouslyRule : PathRule
{
    private const string DefaultSuffix = ", the default";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP204_DontInvokeSynchronously, Descriptors.LBP204_DontInvokeSynchronously_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP204_DontInvokeSynchronously;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP204_DontInvokeSynchronously_CrossType;

    /// <summary>Only where AWSSDK.Lambda is referenced: without it no function can invoke another.</summary>
    private protected override bool RuleAppliesTo(LambdaSymbols symbols) => symbols.HasLambdaSdk;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (SynchronousInvokes.Find(invocation, operationContext.CancellationToken) is not { } invoke)
                {
                    return;
                }

                sites.Add(new PathSite(
                    invocation.ContainingFunction(operationContext.ContainingSymbol),
                    invocation.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(invocation.TargetMethod.Name, invoke.IsDefault ? DefaultSuffix : string.Empty)));
            },
            OperationKind.Invocation);
        return true;
    }
}
