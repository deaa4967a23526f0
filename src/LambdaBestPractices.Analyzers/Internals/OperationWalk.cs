using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>
/// A pre-order walk of an operation tree (the order of <c>DescendantsAndSelf</c>) without its enumerator objects and
/// without recursion: a long chain (<c>a + b + c + ...</c>) makes a deep tree, and the stack it would take is the
/// compiler's. The explicit stack is per thread and reused.
/// </summary>
internal static class OperationWalk
{
    [ThreadStatic]
    private static Stack<IOperation>? t_stack;

    public static void PreOrder<TState>(IOperation root, TState state, Action<TState, IOperation> visit)
    {
        var stack = t_stack ?? new Stack<IOperation>();
        t_stack = null;
        try
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                visit(state, operation);
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push(child);
                }
            }
        }
        finally
        {
            stack.Clear();
            t_stack = stack;
        }
    }
}
