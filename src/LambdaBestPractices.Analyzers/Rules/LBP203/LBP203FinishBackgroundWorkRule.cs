using System.Collections.Immutable;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP203: work started on a handler's invocation path that the handler does not wait for (<see cref="BackgroundWork"/>):
/// a discarded or unread task, <c>ThreadPool.QueueUserWorkItem</c>, an unjoined <c>Thread.Start</c>, a call of an
/// <c>async void</c> method, an <c>async</c> lambda handed to a call as a void delegate. Lambda freezes the execution
/// environment when the handler returns: the work stops mid-way and resumes (or fails) in a later invocation, or never
/// runs if the environment is shut down. Code fix: <c>_ = SendAsync();</c> in an async function becomes
/// <c>await SendAsync();</c>.
/// </summary>
public sealed class LBP203FinishBackgroundWorkRule : PathRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP203_FinishBackgroundWork, Descriptors.LBP203_FinishBackgroundWork_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP203_FinishBackgroundWork;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP203_FinishBackgroundWork_CrossType;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (BackgroundWork.Classify(invocation, operationContext.ContainingSymbol, symbols) is not { } work)
                {
                    return;
                }

                sites.Add(new PathSite(
                    invocation.ContainingFunction(operationContext.ContainingSymbol),
                    invocation.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(work.Subject),
                    work.Properties));
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            operationContext =>
            {
                var lambda = (IAnonymousFunctionOperation)operationContext.Operation;
                if (!BackgroundWork.IsAsyncVoidLambdaArgument(lambda))
                {
                    return;
                }

                var location = lambda.Syntax is AnonymousFunctionExpressionSyntax { AsyncKeyword.RawKind: not 0 } syntax
                    ? syntax.AsyncKeyword.GetLocation()
                    : lambda.Syntax.GetLocation();
                sites.Add(new PathSite(
                    lambda.ContainingFunction(operationContext.ContainingSymbol),
                    location,
                    ImmutableArray.Create<object?>("The async lambda passed as a void delegate")));
            },
            OperationKind.AnonymousFunction);
        return true;
    }
}
