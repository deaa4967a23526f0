using System.Collections.Immutable;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP203's reading of work a function starts and does not wait for: what the operation starts (the message's subject),
/// or null when the code waits for it or cannot be told apart from code that does.
/// </summary>
internal static class BackgroundWork
{
    /// <summary>The diagnostic property that tells the code fix it can put <c>await</c> in front of the call.</summary>
    public const string FixProperty = "LBP203.Fix";

    /// <summary>The value of <see cref="FixProperty"/> for <c>_ = SendAsync();</c> in an async function.</summary>
    public const string AwaitDiscard = "AwaitDiscard";

    private static readonly ImmutableDictionary<string, string?> AwaitDiscardProperties =
        ImmutableDictionary<string, string?>.Empty.Add(FixProperty, AwaitDiscard);

    /// <summary>
    /// What <paramref name="invocation"/> leaves running when the function returns, and the diagnostic's properties:
    /// <list type="bullet">
    /// <item>a task (or <c>ValueTask</c>, or its <c>ConfigureAwait</c>) discarded with <c>_ =</c>, or left in a local no
    /// code reads, or (in a function that is not async) by an expression statement; in an async function the compiler's
    /// CS4014 already warns about the statement;</item>
    /// <item><c>ThreadPool.QueueUserWorkItem</c>, and <c>Thread.Start</c> of a thread that is not joined;</item>
    /// <item>a call of an <c>async void</c> method.</item>
    /// </list>
    /// </summary>
    public static (string Subject, ImmutableDictionary<string, string?>? Properties)? Classify(IInvocationOperation invocation, ISymbol containingSymbol, LambdaSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.IsAsync && method.ReturnsVoid)
        {
            return ("The async void method '" + method.Name + "'", null);
        }

        if (method.IsStatic && method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" && LambdaSymbols.Contains(symbols.ThreadPool, method.ContainingType))
        {
            return ("The work queued by 'ThreadPool." + method.Name + "'", null);
        }

        if (!method.IsStatic && method.Name == "Start" && LambdaSymbols.Contains(symbols.Thread, method.ContainingType))
        {
            return IsJoined(invocation.Instance) ? null : ("The thread started by 'Thread.Start'", null);
        }

        // Where the result goes first (most calls are arguments, conditions or awaited), then its type.
        var parent = invocation.WalkUpConversion(out var child);
        if (parent is not (IExpressionStatementOperation or ISimpleAssignmentOperation { Target: IDiscardOperation } or IVariableInitializerOperation)
            || invocation.Type is not { Name: "Task" or "ValueTask" or "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable" } type
            || !LambdaSymbols.Contains(symbols.TaskLike, type)
            || IsCompletedTask(method, symbols))
        {
            return null;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == child:
                return (TaskOf(method), IsInAsyncFunction(invocation, containingSymbol) && discard.Parent is IExpressionStatementOperation ? AwaitDiscardProperties : null);

            case IExpressionStatementOperation when !IsInAsyncFunction(invocation, containingSymbol):
                return (TaskOf(method), null);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when IsNeverRead(declarator.Symbol, invocation):
                return (TaskOf(method), null);

            default:
                return null;
        }
    }

    /// <summary>
    /// An <c>async</c> lambda converted to a delegate that returns nothing, handed to a call (<c>items.ForEach(async item =&gt;
    /// ...)</c>, <c>Parallel.ForEach(items, async item =&gt; ...)</c>): the call returns at the lambda's first <c>await</c>.
    /// An event subscription (<c>+=</c>) is not a call, and is left alone.
    /// </summary>
    public static bool IsAsyncVoidLambdaArgument(IAnonymousFunctionOperation lambda) =>
        lambda.Symbol is { IsAsync: true, ReturnsVoid: true }
        && lambda.Parent is IDelegateCreationOperation creation
        && creation.WalkUpConversion(out _) is IArgumentOperation;

    private static string TaskOf(IMethodSymbol method) => "The task of '" + method.Name + "'";

    /// <summary><c>Task.FromResult</c>, <c>Task.FromException</c>, <c>Task.FromCanceled</c>: already complete, nothing runs.</summary>
    private static bool IsCompletedTask(IMethodSymbol method, LambdaSymbols symbols) =>
        method.IsStatic && method.Name is "FromResult" or "FromException" or "FromCanceled" && LambdaSymbols.Contains(symbols.TaskLike, method.ContainingType);

    private static bool IsInAsyncFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol.IsAsync;
                case ILocalFunctionOperation local:
                    return local.Symbol.IsAsync;
            }
        }

        return containingSymbol is IMethodSymbol { IsAsync: true };
    }

    /// <summary>A local that no code reads after the task is stored in it (<c>var task = Task.Run(...);</c> and nothing more).</summary>
    private static bool IsNeverRead(ILocalSymbol local, IOperation anyOperationInBody)
    {
        foreach (var reference in BodyFacts.Of(anyOperationInBody).References(local))
        {
            if (!BodyFacts.IsWrite(reference, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the thread is joined: started on a local that some code calls <c>Join</c> on, or anything but a new thread.</summary>
    private static bool IsJoined(IOperation? instance)
    {
        switch (instance?.WalkDownConversion())
        {
            case IObjectCreationOperation:
                return false;
            case ILocalReferenceOperation local:
                foreach (var reference in BodyFacts.Of(local).References(local.Local))
                {
                    if (reference.Parent is IInvocationOperation { TargetMethod.Name: "Join" } join && join.Instance == reference)
                    {
                        return true;
                    }
                }

                return false;
            default:
                // A field, a parameter, a property: someone else may join it.
                return true;
        }
    }
}
