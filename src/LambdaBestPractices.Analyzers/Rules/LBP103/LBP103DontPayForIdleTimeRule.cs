using System.Collections.Immutable;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP103: a function that waits while it is billed. On a handler's invocation path: <c>Thread.Sleep</c> or
/// <c>Task.Delay</c> of a second or more, and a wait of any length in a loop that polls another service's state through
/// the AWS SDK (<see cref="Waits"/>). Silent for retry back-offs (a helper named for retries, a <c>catch</c> clause, a loop
/// of a few tries), delays under a second or of a length the code does not fix, paging loops, and waits only reached at
/// init. No code fix: the remedy (a Step Functions Wait state, an SQS delay, a schedule) moves the wait out of the code.
/// </summary>
public sealed class LBP103DontPayForIdleTimeRule : PathRule
{
    // Every form calls Thread.Sleep or Task.Delay by name.
    private static readonly WordSet MentionedWords = WordSet.Of("Sleep", "Delay");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP103_DontPayForIdleTime, Descriptors.LBP103_DontPayForIdleTime_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP103_DontPayForIdleTime;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP103_DontPayForIdleTime_CrossType;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var compilation = LambdaCompilation.For(symbols.Compilation);
        if (!compilation.Prefilter.Mentions(context.Type, MentionedWords, context.CancellationToken))
        {
            return false;
        }

        var constants = compilation.Constants;
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (invocation.TargetMethod.Name is not ("Sleep" or "Delay")
                    || Waits.Classify(invocation, symbols, constants, operationContext.CancellationToken) is not { } wait)
                {
                    return;
                }

                sites.Add(new PathSite(
                    invocation.ContainingFunction(operationContext.ContainingSymbol),
                    invocation.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(wait.Call, wait.Does)));
            },
            OperationKind.Invocation);
        return true;
    }
}
