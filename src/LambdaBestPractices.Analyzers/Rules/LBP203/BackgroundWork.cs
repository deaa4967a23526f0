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
            return invocation.Arguments.Length > 0 && SignalsCompletion(invocation.Arguments[0].Value) ? null : ("The work queued by 'ThreadPool." + method.Name + "'", null);
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
            || IsCompletedTask(method, symbols)
            || IsKeptOrQueued(invocation))
        {
            return null;
        }

        switch (parent)
        {
            // The fix writes `await` in the statement's place: not in an expression body (no statement to rewrite) or a lock.
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == child:
                return (TaskOf(invocation), IsInAsyncFunction(invocation, containingSymbol) && discard.Parent is IExpressionStatementOperation { IsImplicit: false } && !IsInLock(discard)
                    ? AwaitDiscardProperties
                    : null);

            case IExpressionStatementOperation when !IsInAsyncFunction(invocation, containingSymbol):
                return (TaskOf(invocation), null);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when IsNeverRead(declarator.Symbol, invocation):
                return (TaskOf(invocation), null);

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
        && creation.WalkUpConversion(out _) is IArgumentOperation { Parent: IInvocationOperation call }
        && RunsTheDelegateNow(call.TargetMethod);

    /// <summary>
    /// A call that runs the delegate it is handed before it returns, and returns without waiting for an async one:
    /// <c>List&lt;T&gt;.ForEach</c>, <c>Array.ForEach</c>, <c>Parallel.For/ForEach/Invoke</c>, and methods declared in
    /// source. Registrations that keep the delegate for later (<c>CancellationToken.Register</c>, a timer, an event) are
    /// not: what they run, and when, is theirs.
    /// </summary>
    private static bool RunsTheDelegateNow(IMethodSymbol method) =>
        !method.DeclaringSyntaxReferences.IsEmpty
        || (method.Name is "ForEach" && method.ContainingType is { Name: "List" } list && list.ContainingNamespace.IsNamespace(CollectionsNamespace))
        || (method.Name is "ForEach" && method.ContainingType is { Name: "Array" } array && array.ContainingNamespace.IsNamespace(SystemNamespace))
        || (method.Name is "For" or "ForEach" or "Invoke" && method.ContainingType is { Name: "Parallel" } parallel && parallel.ContainingNamespace.IsNamespace(TasksNamespace));

    private static readonly string[] SystemNamespace = { "System" };
    private static readonly string[] CollectionsNamespace = { "System", "Collections", "Generic" };
    private static readonly string[] TasksNamespace = { "System", "Threading", "Tasks" };
    private static readonly string[] ChannelsNamespace = { "System", "Threading", "Channels" };

    /// <summary>What the message says was started: the call, or the call <c>ConfigureAwait</c> is applied to.</summary>
    private static string TaskOf(IInvocationOperation invocation)
    {
        var started = invocation;
        while (started.TargetMethod.Name == "ConfigureAwait" && started.Instance?.WalkDownConversion() is IInvocationOperation inner)
        {
            started = inner;
        }

        return "The task of '" + started.TargetMethod.Name + "'";
    }

    /// <summary>
    /// A task the call keeps or queues rather than starts: a cache's entry (<c>GetOrAdd</c>, <c>GetOrCreate(Async)</c>,
    /// <c>AddOrUpdate</c>: other readers await it), a channel write (the consumer the handler awaits reads it), and a
    /// continuation of a task the function keeps in a local and reads elsewhere (<c>_ = send.ContinueWith(...); await send;</c>).
    /// </summary>
    private static bool IsKeptOrQueued(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetOrAdd" or "GetOrCreate" or "GetOrCreateAsync" or "AddOrUpdate":
                return true;
            case "WriteAsync" when method.ContainingType is { Name: "ChannelWriter" } writer && writer.ContainingNamespace.IsNamespace(ChannelsNamespace):
                return true;
            case "ContinueWith" when invocation.Instance?.WalkDownConversion() is ILocalReferenceOperation antecedent:
                foreach (var reference in BodyFacts.Of(antecedent).References(antecedent.Local))
                {
                    if (reference != antecedent && !BodyFacts.IsWrite(reference, out _))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the queued delegate signals its own completion to code that waits for it: a <c>TaskCompletionSource</c>'s
    /// <c>Set*</c>/<c>TrySet*</c>, an event's <c>Set</c>, a semaphore's <c>Release</c>, a countdown's <c>Signal</c>.
    /// </summary>
    private static bool SignalsCompletion(IOperation work)
    {
        var body = work.WalkDownConversion() switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda.Body,
            IAnonymousFunctionOperation lambda => lambda.Body,
            _ => null,
        };
        if (body is null)
        {
            return false;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: var name }
                && (name.StartsWith("SetResult", System.StringComparison.Ordinal) || name.StartsWith("TrySet", System.StringComparison.Ordinal)
                    || name is "SetException" or "SetCanceled" or "Set" or "Release" or "Signal"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInLock(IOperation operation)
    {
        for (var current = operation.Parent; current is not null and not IAnonymousFunctionOperation and not ILocalFunctionOperation; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }
        }

        return false;
    }

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

    /// <summary>
    /// Whether someone may wait for the thread: it is started on a local that the code also reads otherwise (joins it,
    /// adds it to a list, hands it on), or on anything but a new thread or a local; or its work signals its completion.
    /// </summary>
    private static bool IsJoined(IOperation? instance)
    {
        switch (instance?.WalkDownConversion())
        {
            case IObjectCreationOperation creation:
                return creation.Arguments.Length > 0 && SignalsCompletion(creation.Arguments[0].Value);
            case ILocalReferenceOperation local:
                foreach (var reference in BodyFacts.Of(local).References(local.Local))
                {
                    if (reference != local && !BodyFacts.IsWrite(reference, out _)
                        && !(reference.Parent is IInvocationOperation { TargetMethod.Name: "Start" } start && start.Instance == reference))
                    {
                        return true;
                    }
                }

                return BodyFacts.SingleValueOf(local)?.WalkDownConversion() is IObjectCreationOperation { Arguments.Length: > 0 } created
                    && SignalsCompletion(created.Arguments[0].Value);
            default:
                // A field, a parameter, a property: someone else may join it.
                return true;
        }
    }
}
